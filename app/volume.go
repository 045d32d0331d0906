package app

import (
	"bufio"
	"bytes"
	"path"
	"strconv"
	"strings"
)

// networkFSTypes are the file system types (Linux /proc/self/mountinfo, macOS
// statfs f_fstypename) of network file systems: SQLite's locks are not reliable there,
// and the server keeps what Terugkeer removes.
var networkFSTypes = map[string]bool{
	"nfs": true, "nfs4": true, "cifs": true, "smb3": true, "smbfs": true, "smb2": true, "ncpfs": true,
	"afs": true, "ceph": true, "glusterfs": true, "lustre": true, "davfs": true,
	"afpfs": true, "webdav": true, "ftp": true, // macOS
	"fuse.sshfs": true, "fuse.rclone": true, "fuse.s3fs": true, "fuse.gcsfuse": true, "fuse.curlftpfs": true,
	"fuse.glusterfs": true, "fuse.davfs2": true, "fuse.gvfsd-fuse": true, // GNOME's smb://, sftp:// mounts
}

// fsTypeKind classifies a file system type name.
func fsTypeKind(fstype string) VolumeKind {
	if fstype == "" {
		return VolumeUnknown
	}
	if networkFSTypes[strings.ToLower(fstype)] {
		return VolumeNetwork
	}
	return VolumeLocal
}

// mountFSType finds, in the text of /proc/self/mountinfo, the file system type of the
// mount that holds the absolute path target: the one whose mount point is the longest
// prefix of target (on a tie the later line, which is mounted on top). "" when none.
func mountFSType(mountinfo []byte, target string) string {
	target = path.Clean(target)
	best, bestLen := "", -1
	sc := bufio.NewScanner(bytes.NewReader(mountinfo))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		point, fstype, ok := parseMountinfoLine(sc.Text())
		if !ok || !pathWithin(target, point) {
			continue
		}
		if len(point) >= bestLen {
			best, bestLen = fstype, len(point)
		}
	}
	return best
}

// parseMountinfoLine takes the mount point (field 5) and the file system type (the
// first field after the " - " separator) from one line of mountinfo (proc(5)).
func parseMountinfoLine(line string) (point, fstype string, ok bool) {
	fields := strings.Fields(line)
	if len(fields) < 7 {
		return "", "", false
	}
	for i := 6; i < len(fields)-1; i++ {
		if fields[i] == "-" {
			return unescapeMount(fields[4]), fields[i+1], true
		}
	}
	return "", "", false
}

// unescapeMount decodes the octal escapes of mountinfo (\040 for a space).
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// pathWithin reports whether the clean slash path target is dir or lies inside it.
func pathWithin(target, dir string) bool {
	if dir == "/" {
		return strings.HasPrefix(target, "/")
	}
	return target == dir || strings.HasPrefix(target, dir+"/")
}

// Windows drive types (GetDriveTypeW), mirrored here so their meaning is tested on
// every system.
const (
	driveUnknown   = 0
	driveNoRootDir = 1
	driveRemovable = 2
	driveFixed     = 3
	driveRemote    = 4
	driveCDROM     = 5
	driveRAMDisk   = 6
)

// driveTypeKind classifies a GetDriveTypeW result: DRIVE_REMOTE is a mapped network
// drive.
func driveTypeKind(t uint32) VolumeKind {
	switch t {
	case driveRemote:
		return VolumeNetwork
	case driveFixed, driveRemovable, driveCDROM, driveRAMDisk:
		return VolumeLocal
	}
	return VolumeUnknown
}
