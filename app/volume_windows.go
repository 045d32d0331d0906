package app

import (
	"path/filepath"

	"golang.org/x/sys/windows"
)

// volumeKind asks GetDriveTypeW about the drive that holds path: DRIVE_REMOTE is a
// mapped network drive. UNC paths are recognised before (isUNC).
func volumeKind(path string) (VolumeKind, error) {
	vol := filepath.VolumeName(path)
	if vol == "" {
		return VolumeUnknown, nil
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return VolumeUnknown, err
	}
	return driveTypeKind(windows.GetDriveType(root)), nil
}

// documentsDir is the Documents known folder: where Windows (and OneDrive's Known
// Folder Move, or folder redirection to a file server) really keeps it.
func documentsDir() (string, error) {
	return windows.KnownFolderPath(windows.FOLDERID_Documents, windows.KF_FLAG_DEFAULT)
}
