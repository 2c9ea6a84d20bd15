//go:generate ./generate.sh

package mocksdk
