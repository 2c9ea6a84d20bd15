#Install PVE-Edge-Kernel

wget https://github.com/fabianishere/pve-edge-kernel/releases/download/v5.11.0-2/pve-edge-kernel-5.11.0-2_5.11.0-2+zen21_amd64.deb
apt install ./pve-edge-kernel-5.11.0-2_5.11.0-2+zen21_amd64.deb
