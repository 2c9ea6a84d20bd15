#!/usr/bin/env bash
# Copyright (c) Microsoft Corporation. All rights reserved.
# Licensed under the MIT License.
#
set -e
INSTALLED_FILE=/etc/azslurm-bins.installed
SLURM_ROLE=$1
SLURM_VERSION=$2

UBUNTU_VERSION=$(cat /etc/os-release | grep VERSION_ID | cut -d= -f2 | cut -d\" -f2)
ENROOT_VERSION="4.0.1"
PYXIS_VERSION="0.21.0"
PYXIS_DIR="/opt/pyxis"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ARTIFACTS_DIR="$SCRIPT_DIR/artifacts"

dpkg_pkg_install() {
    local packages_to_install=""
    local packages_to_hold=""
    local pkg_names=$1
    
    for pkg_name in $pkg_names; do
        # Check if it's a local .deb file
        if [[ "$pkg_name" == *.deb ]]; then
            # Extract package name from .deb filename
            local base_pkg=$(basename "$pkg_name" | sed 's/_.*$//')
            local version_pattern=$(basename "$pkg_name" | sed 's/^[^_]*_\([^-]*\).*$/\1/')
        # Check if it's a versioned SLURM package
        elif [[ "$pkg_name" == *"=${SLURM_VERSION}"* ]]; then
            local base_pkg=$(echo "$pkg_name" | sed "s/=${SLURM_VERSION}.*//")
            local version_pattern="${SLURM_VERSION}"
        else
            # Regular package check
            if ! dpkg-query -W -f='${Status}' "${pkg_name}" 2>/dev/null | grep -q "install ok installed"; then
                packages_to_install="$packages_to_install $pkg_name"
            fi
            continue
        fi
        # For versioned packages, check if the installed version matches
        if ! dpkg -l | grep "^[hi]i  ${base_pkg}" | grep -q "${version_pattern}"; then
            packages_to_install="$packages_to_install $pkg_name"
            packages_to_hold="$packages_to_hold $base_pkg"
        fi
    done
    
    if [ -n "$packages_to_install" ]; then
        echo "The following packages need to be installed: $packages_to_install"
        apt update
        # Install all packages in one command
        apt install -y --allow-downgrades --allow-change-held-packages $packages_to_install
        # Hold SLURM packages to prevent automatic updates
        if [ -n "$packages_to_hold" ]; then
            apt-mark hold $packages_to_hold
        fi
        echo "Successfully installed all required packages"
    else
        echo "All required packages are already installed"
    fi
}

dependency_packages=""

# Handle python3-venv for Ubuntu > 19
if [[ $UBUNTU_VERSION > "19" ]]; then
    dependency_packages="$dependency_packages python3-venv"
fi

dependency_packages="$dependency_packages munge libmysqlclient-dev libssl-dev jq libjansson-dev libjwt-dev binutils gcc make wget"

arch=$(dpkg --print-architecture)
if [[ $UBUNTU_VERSION =~ ^24\.* ]]; then
    REPO=slurm-ubuntu-noble
elif [ $UBUNTU_VERSION == 22.04 ]; then
    REPO=slurm-ubuntu-jammy
else
    REPO=slurm-ubuntu-focal
fi

REPO_GROUP="stable"
INSIDERS=$(/opt/cycle/jetpack/bin/jetpack config slurm.insiders False)
if [[ "$INSIDERS" == "True" ]]; then
    REPO_GROUP="insiders"
fi

if [ "$arch" == "arm64" ] && [[ ! $UBUNTU_VERSION =~ ^24\.* ]]; then
        echo "Slurm is not supported on arm64 architecture for Ubuntu versions < 24.04"
        exit 1
fi

# Ensure the Microsoft GPG key is at the path expected by signed-by.
# HPC images ship the key in /etc/apt/trusted.gpg.d/ rather than /usr/share/keyrings/.
# Marketplace / CIS-hardened images may not have it at all, so download it.
if [ ! -f /usr/share/keyrings/microsoft-prod.gpg ]; then
    if [ -f /etc/apt/trusted.gpg.d/microsoft-prod.gpg ]; then
        cp -p /etc/apt/trusted.gpg.d/microsoft-prod.gpg /usr/share/keyrings/microsoft-prod.gpg
    else
        curl -sSfL -O https://packages.microsoft.com/config/ubuntu/$UBUNTU_VERSION/packages-microsoft-prod.deb
        dpkg -i packages-microsoft-prod.deb
        rm packages-microsoft-prod.deb
    fi
fi

echo "deb [arch=$arch signed-by=/usr/share/keyrings/microsoft-prod.gpg] https://packages.microsoft.com/repos/$REPO/ $REPO_GROUP main" > /etc/apt/sources.list.d/slurm.list

echo "\
Package: slurm, slurm-*
Pin:  origin \"packages.microsoft.com\"
Pin-Priority: 990

Package: slurm, slurm-*
Pin: origin *ubuntu.com*
Pin-Priority: -1" > /etc/apt/preferences.d/slurm-repository-pin-990

slurm_packages="slurm-smd slurm-smd-client slurm-smd-dev slurm-smd-libnss-slurm slurm-smd-libpam-slurm-adopt slurm-smd-sview"
sched_packages="slurm-smd-slurmctld slurm-smd-slurmdbd slurm-smd-slurmrestd"
execute_packages="slurm-smd-slurmd"

# Collect all SLURM packages based on role
all_slurm_packages="$slurm_packages"

if [ "${SLURM_ROLE}" == "scheduler" ]; then
    all_slurm_packages="$all_slurm_packages $sched_packages"
fi

if [ "${SLURM_ROLE}" == "execute" ]; then
    all_slurm_packages="$all_slurm_packages $execute_packages"
fi

# Combine dependency packages and versioned SLURM packages
all_packages="$dependency_packages"

# Add version suffix to all slurm packages
for pkg in $all_slurm_packages; do
    all_packages="$all_packages ${pkg}=${SLURM_VERSION}*"
done

# Install all packages using the unified function
dpkg_pkg_install "$all_packages"

# Check if artifacts directory exists
if [ ! -d "$ARTIFACTS_DIR" ]; then
    echo "Error: Artifacts directory not found: $ARTIFACTS_DIR"
    exit 1
fi

#verify enroot package
run_file=${ARTIFACTS_DIR}/enroot-check_${ENROOT_VERSION}_$(uname -m).run
chmod 755 $run_file
$run_file --verify

# Install enroot package
dpkg_pkg_install "${ARTIFACTS_DIR}/enroot_${ENROOT_VERSION}-1_${arch}.deb ${ARTIFACTS_DIR}/enroot+caps_${ENROOT_VERSION}-1_${arch}.deb"

# Install pyxis
if [[ ! -f $PYXIS_DIR/spank_pyxis.so ]]; then
    tar -xzf ${ARTIFACTS_DIR}/pyxis-${PYXIS_VERSION}.tar.gz
    cd pyxis-${PYXIS_VERSION}
    make
    mkdir -p $PYXIS_DIR
    cp -fv spank_pyxis.so $PYXIS_DIR
    chmod +x $PYXIS_DIR/spank_pyxis.so
fi

touch $INSTALLED_FILE
exit
