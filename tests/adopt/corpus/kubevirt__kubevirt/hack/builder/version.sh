VERSION=$(date +"%y%m%d%H%M")-$(git rev-parse --short HEAD)
