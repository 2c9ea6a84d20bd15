#!/bin/bash
set -ex

## Copy customization scripts to /opt/azurehpc/customizations
mkdir -p /opt/azurehpc/customizations
cp $COMPONENT_DIR/customizations/* /opt/azurehpc/customizations

## Copy topology files to /opt/microsoft
mkdir -p /opt/microsoft
cp $TOP_DIR/topology/* /opt/microsoft

if [ "$GPU" = "NVIDIA" ]; then
## Systemd service for setting up appropriate customizations based on SKU
cat <<EOF >/usr/sbin/setup_sku_customizations.sh
#!/bin/bash

# NCCL_TOPO_FAMILY may be pre-set by the caller via the environment
# to skip the Azure IMDS lookup on non-Azure nodes.
if [[ -n "\${NCCL_TOPO_FAMILY:-}" ]]; then
    topoFamily="\$NCCL_TOPO_FAMILY"
else
    metadata_endpoint="http://169.254.169.254/metadata/instance?api-version=2019-06-04"
    vmSize=\$(curl -H Metadata:true "\$metadata_endpoint" | jq -r ".compute.vmSize")
    vmSize=\$(echo "\$vmSize" | awk '{print tolower(\$0)}')

    ## Derive topology family from VM size
    case \$vmSize in
        standard_nc96ads_a100_v4)          topoFamily="ncv4" ;;
        standard_nd*v4)                    topoFamily="ndv4" ;;
        standard_nd40rs_v2)               topoFamily="ndv2" ;;
        standard_hb176*v4)                topoFamily="hbv4" ;;
        standard_nc80adis_h100_v5)        topoFamily="ncv5" ;;
        standard_nd96is*_h[1-2]00_v5)    topoFamily="ndv5" ;;
        standard_nd128is*_gb[2-3]00_v6)  topoFamily="gb-family" ;;
        standard_nc*_rtxpro6000bse_v6)    topoFamily="ncv6" ;;
        *) topoFamily="" ;;
    esac
fi

## Topo file setup based on family
case \$topoFamily in
    ncv4)      /opt/azurehpc/customizations/ncv4.sh;;
    ndv4)      /opt/azurehpc/customizations/ndv4.sh;;
    ndv2)      /opt/azurehpc/customizations/ndv2.sh;;
    hbv4)      /opt/azurehpc/customizations/hbv4.sh;;
    ncv5)      /opt/azurehpc/customizations/ncv5.sh;;
    ndv5)      /opt/azurehpc/customizations/ndv5.sh;;
    gb-family) /opt/azurehpc/customizations/ndv6.sh;;
    ncv6)      /opt/azurehpc/customizations/ncv6.sh;;
    *)         echo "No SKU customization for topoFamily='\$topoFamily'";;
esac
EOF
chmod 755 /usr/sbin/setup_sku_customizations.sh

## Systemd service for removing SKU based customizations
cat <<EOF >/usr/sbin/remove_sku_customizations.sh
#!/bin/bash

# Stop nvidia fabric manager
if systemctl is-active --quiet nvidia-fabricmanager
then
    systemctl stop nvidia-fabricmanager
    systemctl disable nvidia-fabricmanager
fi

# Remove NVIDIA peer memory module
if lsmod | grep nvidia_peermem &> /dev/null
then
    rmmod nvidia_peermem
fi

# Clear topo and graph files
rm -rf /opt/microsoft/ncv4
rm -rf /opt/microsoft/ndv2
rm -rf /opt/microsoft/ndv4
rm -rf /opt/microsoft/ndv5
rm -rf /opt/microsoft/ncv6

# Clear contents of nccl.conf
cat /dev/null > /etc/nccl.conf

EOF

elif [ "$GPU" = "AMD" ]; then
## Systemd service for setting up appropriate customizations based on SKU
cat <<EOF >/usr/sbin/setup_sku_customizations.sh
#!/bin/bash

metadata_endpoint="http://169.254.169.254/metadata/instance?api-version=2019-06-04"
vmSize=\$(curl -H Metadata:true \$metadata_endpoint | jq -r ".compute.vmSize")
vmSize=\$(echo "\$vmSize" | awk '{print tolower(\$0)}')

## Topo file setup based on SKU
case \$vmSize in
    
    standard_nd*v4)
        /opt/azurehpc/customizations/ndv4_rocm.sh;;

    standard_nd96is*_mi300x_v5)
        /opt/azurehpc/customizations/ndv5_rocm.sh;;

    *) echo "No SKU customization for \$vmSize";;
esac
EOF
chmod 755 /usr/sbin/setup_sku_customizations.sh

## Systemd service for removing SKU based customizations
cat <<EOF >/usr/sbin/remove_sku_customizations.sh
#!/bin/bash

# Clear topo and graph files
rm -rf /opt/microsoft/ncv4
rm -rf /opt/microsoft/ndv2
rm -rf /opt/microsoft/ndv4
rm -rf /opt/microsoft/ndv5

# Clear contents of nccl.conf
cat /dev/null > /etc/nccl.conf

EOF

else
echo "GPU is not NVIDIA or AMD, exiting"
exit 1
fi
chmod 755 /usr/sbin/remove_sku_customizations.sh

cat <<EOF >/etc/systemd/system/sku-customizations.service
[Unit]
Description=Customizations based on SKU
After=network-online.target openibd.service rdma-hw.target
Wants=network-online.target
EOF

if [ "$GPU" = "NVIDIA" ]; then
    cat <<EOF >>/etc/systemd/system/sku-customizations.service
After=nvidia-fabricmanager.service
Wants=nvidia-fabricmanager.service
EOF
fi

cat <<EOF >>/etc/systemd/system/sku-customizations.service

[Service]
Type=oneshot
ExecStart=/usr/sbin/setup_sku_customizations.sh
ExecStop=/usr/sbin/remove_sku_customizations.sh
RemainAfterExit=true
StandardOutput=journal

[Install]
WantedBy=multi-user.target
EOF

if [ "$GPU" = "NVIDIA" ]; then
    mkdir -p /etc/systemd/system/openibd.service.d
    cat <<EOF >/etc/systemd/system/openibd.service.d/10-nvidia-peermem.conf
[Service]
ExecStartPost=-/bin/sh -c 'if /usr/sbin/modinfo nvidia_peermem >/dev/null 2>&1; then /usr/sbin/modprobe nvidia-peermem && /usr/bin/test -d /sys/module/nvidia_peermem; fi'
EOF
fi

if [ "$GPU" = "NVIDIA" ]; then
    # A workaround to make fabricmanager service start automatically
    FMSYSPATH="/lib/systemd/system/nvidia-fabricmanager.service"
    if [ -f "$FMSYSPATH" ]; then
        sed -i '/^After=multi-user.target/d' $FMSYSPATH
        echo "Removed multi-user.target in Unit section"
    fi
fi

if [[ $DISTRIBUTION == "azurelinux3.0" && "$SKU" == "GB200" ]]; then
    # Grub kernel cmdline options needed for Arm64 GB200 and above SKUs in HPC test images
    sudo sed -i 's/lockdown=integrity/lockdown=integrity efi_mmap_nr_slack_slots=256 numa_balancing=disable iommu.passthrough=1 irqchip.gicv3_nolpi=y arm_smmu_v3.disable_msipolling=1 init_on_alloc=0 nvme_core.io_timeout=240 panic=-1/' /etc/default/grub
    sudo sed -i 's/lockdown=integrity/lockdown=integrity efi_mmap_nr_slack_slots=256 numa_balancing=disable iommu.passthrough=1 irqchip.gicv3_nolpi=y arm_smmu_v3.disable_msipolling=1 init_on_alloc=0 nvme_core.io_timeout=240 panic=-1/' /boot/grub2/grub.cfg
    # Recommended to disable irqbalance in GB200 images.
    sudo systemctl stop irqbalance
    sudo systemctl disable irqbalance
fi

systemctl enable sku-customizations
# Do NOT `systemctl start sku-customizations` at build time (unnecessary pre-reboot and may fail on general-purpose SKUs)
