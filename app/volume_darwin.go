package app

import (
	"golang.org/x/sys/unix"
)

// volumeKind asks statfs for the type of the file system that holds path (smbfs, nfs,
// afpfs, webdav are network ones).
func volumeKind(path string) (VolumeKind, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(existingParent(path), &st); err != nil {
		return VolumeUnknown, err
	}
	return fsTypeKind(unix.ByteSliceToString(st.Fstypename[:])), nil
}
