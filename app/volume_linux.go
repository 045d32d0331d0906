package app

import "os"

// volumeKind looks the mount that holds path up in /proc/self/mountinfo: its type tells
// NFS, SMB/CIFS and FUSE sshfs apart from a local disk (statfs's f_type would show
// sshfs only as some FUSE file system).
func volumeKind(path string) (VolumeKind, error) {
	info, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return VolumeUnknown, err
	}
	return fsTypeKind(mountFSType(info, existingParent(path))), nil
}
