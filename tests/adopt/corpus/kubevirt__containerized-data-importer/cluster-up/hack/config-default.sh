
docker_prefix=${DOCKER_PREFIX:-kubevirt}
master_ip=192.168.200.2
network_provider=flannel
