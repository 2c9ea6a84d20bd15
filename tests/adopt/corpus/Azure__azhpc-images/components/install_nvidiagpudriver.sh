#!/bin/bash
set -ex

source ${UTILS_DIR}/utilities.sh

# Install NVIDIA driver
nvidia_metadata=$(get_component_config "nvidia")
cuda_metadata=$(get_component_config "cuda")

if [[ $DISTRIBUTION == "azurelinux3.0" ]]; then
    if [ "$SKU" = "V100" ]; then
        # V100 requires proprietary kernel modules
        AL3_GPU_DRIVER_PACKAGES="cuda"
    elif [ "$ARCHITECTURE" = "aarch64" ]; then
        AL3_GPU_DRIVER_PACKAGES="cuda-open-hwe"
    else
        AL3_GPU_DRIVER_PACKAGES="cuda-open"
    fi

    if [[ "$ARCHITECTURE" == "aarch64" ]]; then
        curl https://packages.microsoft.com/azurelinux/3.0/prod/nvidia/aarch64/config.repo > /etc/yum.repos.d/azurelinux-nvidia-prod.repo
        curl https://developer.download.nvidia.com/compute/cuda/repos/azl3/sbsa/cuda-azl3.repo > /etc/yum.repos.d/cuda-azl3.repo
    else
        curl https://packages.microsoft.com/azurelinux/3.0/prod/nvidia/x86_64/config.repo > /etc/yum.repos.d/azurelinux-nvidia-prod.repo
        curl https://developer.download.nvidia.com/compute/cuda/repos/azl3/x86_64/cuda-azl3.repo > /etc/yum.repos.d/cuda-azl3.repo
    fi

    # Disable the NVIDIA CUDA repo during driver install — all driver
    # packages come from PMC and the CUDA repo has an identically-named
    # 'cuda' meta-package that would conflict.
    # Do not use this before bugfixed tdnf lands (https://github.com/vmware/tdnf/pull/553/commits/a418054b02c4cac787184f973dac4d6790344ef3)
    # or before switching to dnf
    # tdnf install -y --disablerepo=cuda-azl3* $AL3_GPU_DRIVER_PACKAGES
    tdnf install -y --disablerepo=cuda-azl3-x86_64 --disablerepo=cuda-azl3-sbsa $AL3_GPU_DRIVER_PACKAGES
    NVIDIA_DRIVER_VERSION=$(tdnf list installed | grep "^${AL3_GPU_DRIVER_PACKAGES}\." | sed 's/.*\s\+\([0-9.]\+-[0-9]\+\)_.*/\1/')

    # Temp disable NVIDIA driver updates
    mkdir -p /etc/tdnf/locks.d
    echo cuda >> /etc/tdnf/locks.d/nvidia.conf
elif [[ $DISTRIBUTION == *"ubuntu"* ]]; then
    # APT-based NVIDIA driver installation for Ubuntu
    NVIDIA_DRIVER_VERSION=$(jq -r '.driver.version' <<< $nvidia_metadata)
    CUDA_DRIVER_DISTRIBUTION=$(jq -r '.driver.distribution' <<< $cuda_metadata)

    if [ "$ARCHITECTURE" = "aarch64" ]; then
        CUDA_ARCHITECTURE="sbsa"
    else
        CUDA_ARCHITECTURE="x86_64"
    fi
    # Add NVIDIA CUDA APT repo (provides both driver and toolkit packages)
    wget https://developer.download.nvidia.com/compute/cuda/repos/${CUDA_DRIVER_DISTRIBUTION}/${CUDA_ARCHITECTURE}/cuda-keyring_1.1-1_all.deb
    dpkg -i ./cuda-keyring_1.1-1_all.deb
    apt-get update

    # MRC image uses local NVIDIA repo for nvidia driver packages
    # The local NVIDIA repo and cuda repo downloaded from online contain the nvidia driver packages: prefer NVIDIA local repo over other sources
    # Nvidia driver packages should be installed from the local NVIDIA repo
    # Cuda toolkit packages should be installed from the downloaded CUDA repo
    if _is_mrc_network; then
        NVIDIA_GPU_DRIVER_REPO_FILE=$(jq -r '.driver.repo_file' <<< $nvidia_metadata)
        dpkg -i $TOP_DIR/internal_bits/$NVIDIA_GPU_DRIVER_REPO_FILE
        NVIDIA_GPU_DRIVER_REPO_DIR=$(echo $NVIDIA_GPU_DRIVER_REPO_FILE | awk -F'_' '{print $1}')
        cp /var/$NVIDIA_GPU_DRIVER_REPO_DIR/nvidia-driver-local-*-keyring.gpg /usr/share/keyrings/
        
        # Set preference BEFORE apt update so priority rules are applied during metadata refresh
        cat <<EOF > /etc/apt/preferences.d/00-nvidia-prefer
Package: *
Pin: origin ""
Pin-Priority: 1001
EOF
        apt update
    fi
    # Pin the driver version and install via APT packages
    apt install nvidia-driver-pinning-${NVIDIA_DRIVER_VERSION} -y

    if [ "$SKU" = "V100" ]; then
        # V100 requires proprietary kernel modules
        apt install cuda-drivers -y
    elif [[ "${NVLINK_RACKSCALE,,}" == "true" ]]; then
        NVIDIA_GPU_DRIVER_MAJOR_VERSION=$(jq -r '.driver.major_version' <<< $nvidia_metadata)
        apt install nvidia-dkms-$NVIDIA_GPU_DRIVER_MAJOR_VERSION-open nvidia-driver-$NVIDIA_GPU_DRIVER_MAJOR_VERSION-open nvidia-modprobe -y
    else
        # A100, H100, H200 use open kernel modules
        apt install nvidia-open -y
    fi

    # Remove unused configuration file if created by the NVIDIA driver package
    rm -f /etc/modprobe.d/nvidia-graphics-drivers-kms.conf

    # Apply nvprofiling settings
    echo 'options nvidia NVreg_RestrictProfilingToAdminUsers=0' | tee /etc/modprobe.d/nvprofiling.conf

    # nvidia-peermem is NOT modprobe'd at build time. Loading it before the
    # first reboot is fragile across the matrix of distros / kernels we
    # support (e.g. Ubuntu 26.04 needs DOCA-OFED's patched ib_core in
    # /lib/modules/$(uname -r)/updates/dkms/ which is not active in the
    # build kernel; general-purpose build SKUs have no IB hardware to load
    # against; baremetal builds reboot before IB is fully up). The module is
    # queued for first boot via /etc/modules-load.d/nvidia-peermem.conf
    # written below and via the openibd ExecStartPost drop-in installed by
    # setup_sku_customizations.sh.
else
    # RHEL-family: AlmaLinux, Rocky Linux, RHEL - .run file installation
    NVIDIA_DRIVER_VERSION=$(jq -r '.driver.version' <<< $nvidia_metadata)
    NVIDIA_DRIVER_SHA256=$(jq -r '.driver.sha256' <<< $nvidia_metadata)
    NVIDIA_DRIVER_URL=https://us.download.nvidia.com/tesla/${NVIDIA_DRIVER_VERSION}/NVIDIA-Linux-x86_64-${NVIDIA_DRIVER_VERSION}.run
    CUDA_DRIVER_DISTRIBUTION=$(jq -r '.driver.distribution' <<< $cuda_metadata)

    if [ "$SKU" = "V100" ]; then
        KERNEL_MODULE_TYPE="proprietary"
    else
        KERNEL_MODULE_TYPE="open"
    fi

    download_and_verify $NVIDIA_DRIVER_URL ${NVIDIA_DRIVER_SHA256}
    bash NVIDIA-Linux-x86_64-${NVIDIA_DRIVER_VERSION}.run --silent --dkms --kernel-module-type=${KERNEL_MODULE_TYPE}
    if [[ $DISTRIBUTION == almalinux* ]] || [[ $DISTRIBUTION == rocky* ]] || [[ $DISTRIBUTION == rhel* ]]; then
        dkms install --no-depmod -m nvidia -v ${NVIDIA_DRIVER_VERSION} -k `uname -r` --force
    fi
    # nvidia-peermem is NOT modprobe'd at build time -- see comment in the
    # Ubuntu branch above. The module is queued for first boot via
    # /etc/modules-load.d/nvidia-peermem.conf written below and via the
    # openibd ExecStartPost drop-in installed by setup_sku_customizations.sh.
fi
write_component_version "NVIDIA" ${NVIDIA_DRIVER_VERSION}

touch /etc/modules-load.d/nvidia-peermem.conf
echo "nvidia_peermem" >> /etc/modules-load.d/nvidia-peermem.conf


if [[ "${TARGET_NODE_TYPE:-azure_vm_regular}" == "baremetal_1p" ]]; then
    echo "options nvidia NVreg_GrdmaPciTopoCheckOverride=1" >> /etc/modprobe.d/nvidia.conf
fi

if [[ "$TARGET_NODE_TYPE" != "azure_vm_akshost" ]]; then
    # Install CUDA toolkit
    CUDA_DRIVER_VERSION=$(jq -r '.driver.version' <<< $cuda_metadata)
    CUDA_SAMPLES_VERSION=$(jq -r '.samples.version' <<< $cuda_metadata)
    CUDA_SAMPLES_SHA256=$(jq -r '.samples.sha256' <<< $cuda_metadata)

    if [[ $DISTRIBUTION == *"ubuntu"* ]]; then
        # NVIDIA APT repo already configured during driver installation
        apt install -y cuda-toolkit-${CUDA_DRIVER_VERSION//./-}
    elif [[ $DISTRIBUTION == "azurelinux3.0" ]]; then    
        tdnf install -y cuda-toolkit-${CUDA_DRIVER_VERSION//./-}
    else
        # RHEL-family: AlmaLinux, Rocky Linux, RHEL, etc.
        dnf config-manager --add-repo https://developer.download.nvidia.com/compute/cuda/repos/${CUDA_DRIVER_DISTRIBUTION}/x86_64/cuda-${CUDA_DRIVER_DISTRIBUTION}.repo

        # DOCA ships mft tied to the kernel-mft-dkms it built; cuda-rhel9
        # ships mft on a different cadence (sometimes newer). Letting
        # cuda-rhel9 offer mft causes 'dnf check-update' to flag a
        # stale-package upgrade in verify_package_updates and risks an
        # accidental upgrade that breaks compat with the DOCA-built
        # kernel-mft-dkms. mft must track DOCA, not CUDA. Same pattern as
        # install_nvidia_fabric_manager.sh excluding nvidia-fabricmanager*
        # from cuda-azl3 on AzureLinux 3, and a per-repo replacement for
        # the (removed) global DOCA pin in install_doca.sh.
        dnf config-manager --save \
            --setopt="cuda-${CUDA_DRIVER_DISTRIBUTION}-x86_64.excludepkgs=mft* kernel-mft*" >/dev/null

        dnf clean expire-cache
        dnf install -y cuda-toolkit-${CUDA_DRIVER_VERSION//./-}
    fi

    echo 'export PATH="${PATH:+$PATH:}/usr/local/cuda/bin"' | tee /etc/profile.d/cuda.sh > /dev/null
    echo 'export LD_LIBRARY_PATH="${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}/usr/local/cuda/lib64"' | tee -a /etc/profile.d/cuda.sh > /dev/null

    # Ensure proper permissions
    chmod 644 /etc/profile.d/cuda.sh

    cuda_version=$(source /etc/profile; nvcc --version | grep release | awk '{print $6}' | cut -c2-)
    write_component_version "CUDA" ${cuda_version}

    $COMPONENT_DIR/install_cuda_samples.sh

fi

$COMPONENT_DIR/install_gdrcopy.sh

if [[ "${NVLINK_RACKSCALE,,}" != "true" ]]; then
    # Install nvidia fabric manager (required for ND96asr_v4)
    $COMPONENT_DIR/install_nvidia_fabric_manager.sh
else
    # Apply nvprofiling settings
    echo 'options nvidia NVreg_RestrictProfilingToAdminUsers=0' | tee /etc/modprobe.d/nvprofiling.conf

    # Enable CDMM mode
    echo 'options nvidia NVreg_CoherentGPUMemoryMode=driver' | tee /etc/modprobe.d/nvidia-openrm.conf
    
    # Install NVIDIA IMEX
    nvidia_imex_metadata=$(jq -r '.imex' <<< $nvidia_metadata)
    IMEX_VERSION=$(jq -r '.version' <<< $nvidia_imex_metadata)

    if [[ $DISTRIBUTION == "azurelinux3.0" ]]; then
        tdnf install -y nvidia-imex-${IMEX_VERSION}
    elif [[ $DISTRIBUTION == *"ubuntu"* ]]; then
        apt-get install nvidia-imex -y
    else
        echo "Unsupported distribution for nvidia-imex: $DISTRIBUTION"
        exit 1
    fi
    
    write_component_version "IMEX" $IMEX_VERSION

    # Add configuration to /etc/modprobe.d/nvidia.conf
    cat <<EOF >> /etc/modprobe.d/nvidia.conf
options nvidia NVreg_CreateImexChannel0=1
EOF

    if [[ $DISTRIBUTION == "azurelinux3.0" ]]; then
        dracut --force
    else #ubuntu
        sudo update-initramfs -u -k all
    fi

    # Configuring nvidia-imex service
    systemctl enable nvidia-imex.service

fi

$COMPONENT_DIR/configure_nvidia_persistence.sh

# cleanup downloaded files
rm -rf *.run *.tar.gz *.rpm
(
    shopt -s dotglob nullglob
    rm -rf -- */ || true
)