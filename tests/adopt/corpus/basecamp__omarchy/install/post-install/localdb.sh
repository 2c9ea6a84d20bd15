# Update localdb so locate can find the installed system files immediately.
updatedb
