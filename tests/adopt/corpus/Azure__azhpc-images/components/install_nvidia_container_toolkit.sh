#!/bin/bash
set -ex

source ${UTILS_DIR}/utilities.sh

# Install NVIDIA Container Toolkit
# Reference: https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/install-guide.html
# Setting up NVIDIA Container Toolkit
if [[ $DISTRIBUTION == *"ubuntu"* ]]; then
    curl -fsSL https://nvidia.github.io/libnvidia-container/gpgkey | sudo gpg --dearmor -o /usr/share/keyrings/nvidia-container-toolkit-keyring.gpg \
    && curl -s -L https://nvidia.github.io/libnvidia-container/stable/deb/nvidia-container-toolkit.list | \
        sed 's#deb https://#deb [signed-by=/usr/share/keyrings/nvidia-container-toolkit-keyring.gpg] https://#g' | \
        sudo tee /etc/apt/sources.list.d/nvidia-container-toolkit.list

    sed -i -e '/experimental/ s/^#//g' /etc/apt/sources.list.d/nvidia-container-toolkit.list

    apt-get update
    # Install NVIDIA container toolkit and mark NVIDIA packages on hold
    apt-get install -y nvidia-container-toolkit
    apt-mark hold nvidia-container-toolkit
    apt-mark hold libnvidia-container-tools
    apt-mark hold libnvidia-container1

    # Remove unwanted repos
    rm -f /etc/apt/sources.list.d/nvidia*
elif [[ $DISTRIBUTION == "azurelinux3.0" ]]; then
    tdnf install --noplugins -y nvidia-container-toolkit-base nvidia-container-toolkit
    tdnf install --noplugins -y nvidia-container-runtime
    dnf_pin_packages "*nvidia-container*"
else
    # RHEL-family: AlmaLinux, Rocky Linux, RHEL, etc.
    curl -s -L https://nvidia.github.io/libnvidia-container/stable/rpm/nvidia-container-toolkit.repo | \
    sudo tee /etc/yum.repos.d/nvidia-container-toolkit.repo

    yum clean expire-cache
    yum install -y nvidia-container-toolkit

    # Mark the installed packages on hold to disable updates
    dnf_pin_packages "*nvidia-container*"

    # Clean repos
    rm -rf /etc/yum.repos.d/nvidia-*
    rm -rf /var/cache/yum/x86_64/*/nvidia-*
    rm -rf /var/cache/yum/x86_64/*/libnvidia-container/
fi

# Configure NVIDIA Container Toolkit
nvidia-ctk runtime configure --runtime=docker

# Configure containerd to use NVIDIA runtime
mkdir -p /etc/containerd
containerd config default | sudo tee /etc/containerd/config.toml

if [[ $DISTRIBUTION == *"ubuntu"* ]] || [[ $DISTRIBUTION == *"almalinux"* ]] || [[ $DISTRIBUTION == *"rocky"* ]] || [[ $DISTRIBUTION == *"rhel"* ]]; then
    sed -i 's/SystemdCgroup = false/SystemdCgroup = true/g' /etc/containerd/config.toml  
fi
nvidia-ctk runtime configure --runtime=containerd --set-as-default
if [[ "${NVLINK_RACKSCALE,,}" == "true" ]]; then
    sed -i 's/enable_cdi = false/enable_cdi = true/g' /etc/containerd/config.toml
    sed -i 's/enable_cdi = false/enable_cdi = true/g' /etc/containerd/conf.d/*.toml 2>/dev/null || true
fi
if [[ $DISTRIBUTION == "azurelinux3.0" ]]; then
    # Enable SystemdCgroup for runc and nvidia runtimes.
    # containerd 2.1.5+ includes SystemdCgroup in its default config
    # (see https://github.com/containerd/containerd/pull/12244), so we
    # replace false to true. Older versions omit the key entirely, so we
    # append it instead.
    if grep -q 'SystemdCgroup' /etc/containerd/config.toml; then
        sed -i 's/SystemdCgroup = false/SystemdCgroup = true/g' /etc/containerd/config.toml
    else
        sed -i '/\[plugins\.\"io\.containerd\.cri\.v1\.runtime\".containerd\.runtimes\.runc\.options\]/a \ \ \ \ \ \ \ \ \ \ \ \ SystemdCgroup = true' /etc/containerd/config.toml
        sed -i '/\[plugins\.\"io\.containerd\.cri\.v1\.runtime\".containerd\.runtimes\.nvidia\.options\]/a \ \ \ \ \ \ \ \ \ \ \ \ SystemdCgroup = true' /etc/containerd/config.toml
    fi
fi