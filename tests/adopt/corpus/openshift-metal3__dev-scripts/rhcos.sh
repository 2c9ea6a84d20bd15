if $OPENSHIFT_INSTALLER coreos print-stream-json >/dev/null 2>&1; then
    $OPENSHIFT_INSTALLER coreos print-stream-json > "$OCP_DIR/rhcos.json"
    TOP_LEVEL_FORMAT="$(jq -r ".architectures.$(uname -m).artifacts.openstack.formats | keys[]" "$OCP_DIR/rhcos.json" | head -n1)"
    MACHINE_OS_INSTALLER_IMAGE_URL=$(jq -r ".architectures.$(uname -m).artifacts.openstack.formats[\"${TOP_LEVEL_FORMAT}\"].disk.location" "$OCP_DIR/rhcos.json")
    export MACHINE_OS_INSTALLER_IMAGE_URL
    MACHINE_OS_INSTALLER_IMAGE_SHA256=$(jq -r ".architectures.$(uname -m).artifacts.openstack.formats[\"${TOP_LEVEL_FORMAT}\"].disk[\"sha256\"]" "$OCP_DIR/rhcos.json")
    export MACHINE_OS_INSTALLER_IMAGE_SHA256
    export MACHINE_OS_IMAGE_URL=${MACHINE_OS_IMAGE_URL:-${MACHINE_OS_INSTALLER_IMAGE_URL}}
    MACHINE_OS_IMAGE_NAME=$(basename "${MACHINE_OS_IMAGE_URL}")
    export MACHINE_OS_IMAGE_NAME
    export MACHINE_OS_IMAGE_SHA256=${MACHINE_OS_IMAGE_SHA256:-${MACHINE_OS_INSTALLER_IMAGE_SHA256}}

    MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_URL=$(jq -r ".architectures.$(uname -m).artifacts.qemu.formats[\"${TOP_LEVEL_FORMAT}\"].disk.location" "$OCP_DIR/rhcos.json")
    export MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_URL
    MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_SHA256=$(jq -r ".architectures.$(uname -m).artifacts.qemu.formats[\"${TOP_LEVEL_FORMAT}\"].disk[\"sha256\"]" "$OCP_DIR/rhcos.json")
    export MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_SHA256
    export MACHINE_OS_BOOTSTRAP_IMAGE_URL=${MACHINE_OS_BOOTSTRAP_IMAGE_URL:-${MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_URL}}
    MACHINE_OS_BOOTSTRAP_IMAGE_NAME=$(basename "${MACHINE_OS_BOOTSTRAP_IMAGE_URL}")
    export MACHINE_OS_BOOTSTRAP_IMAGE_NAME
    export MACHINE_OS_BOOTSTRAP_IMAGE_URL=${MACHINE_OS_BOOTSTRAP_IMAGE_URL:-${MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_URL}}
    export MACHINE_OS_BOOTSTRAP_IMAGE_SHA256=${MACHINE_OS_BOOTSTRAP_IMAGE_SHA256:-${MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_SHA256}}

    MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_UNCOMPRESSED_SHA256=$(jq -r ".architectures.$(uname -m).artifacts.qemu.formats[\"${TOP_LEVEL_FORMAT}\"].disk[\"uncompressed-sha256\"]" "$OCP_DIR/rhcos.json")
    export MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_UNCOMPRESSED_SHA256
    export MACHINE_OS_BOOTSTRAP_IMAGE_UNCOMPRESSED_SHA256=${MACHINE_OS_BOOTSTRAP_IMAGE_UNCOMPRESSED_SHA256:-${MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_UNCOMPRESSED_SHA256}}

    if [[ "${BOOTSTRAP_IN_PLACE:-false}" == "true" ]]; then
        MACHINE_OS_INSTALLER_LIVE_ISO_URL=$(jq -r ".architectures.$(uname -m).artifacts.metal.formats.iso.disk.location" "$OCP_DIR/rhcos.json")
        export MACHINE_OS_INSTALLER_LIVE_ISO_URL
        MACHINE_OS_INSTALLER_LIVE_ISO_SHA256=$(jq -r ".architectures.$(uname -m).artifacts.metal.formats.iso.disk[\"sha256\"]" "$OCP_DIR/rhcos.json")
        export MACHINE_OS_INSTALLER_LIVE_ISO_SHA256
        export MACHINE_OS_LIVE_ISO_URL=${MACHINE_OS_LIVE_ISO_URL:-${MACHINE_OS_INSTALLER_LIVE_ISO_URL}}
        export MACHINE_OS_LIVE_ISO_SHA256=${MACHINE_OS_LIVE_ISO_SHA256:-${MACHINE_OS_INSTALLER_LIVE_ISO_SHA256}}
    fi
else
  if [[ ! -f "$OCP_DIR/rhcos.json" ]]; then
    if [[ -v JOB_NAME ]] && [[ "$JOB_NAME" =~ "openshift-installer" ]]; then
      # Get the SHA from the PR if we're in CI
      OPENSHIFT_INSTALL_COMMIT=${PULL_PULL_SHA:-$(echo "$JOB_SPEC" | jq -r '.refs.pulls[0].sha')}
    else
      # Get the git commit that the openshift installer was built from
      OPENSHIFT_INSTALL_COMMIT=$($OPENSHIFT_INSTALLER version | grep commit | cut -d' ' -f4)
    fi
  
    # Get the git commit that the openshift installer was built from
    OPENSHIFT_INSTALL_COMMIT=$($OPENSHIFT_INSTALLER version | grep commit | cut -d' ' -f4)
  
    # Get the rhcos.json for that commit
    OPENSHIFT_INSTALLER_MACHINE_OS=${OPENSHIFT_INSTALLER_MACHINE_OS:-https://raw.githubusercontent.com/openshift/installer/$OPENSHIFT_INSTALL_COMMIT/data/data/rhcos.json}
  
    # Get the rhcos.json for that commit, and find the baseURI and openstack image path
    curl -o "$OCP_DIR/rhcos.json" "${OPENSHIFT_INSTALLER_MACHINE_OS}"
  fi
  
  MACHINE_OS_INSTALLER_IMAGE_URL=$(jq -r '.baseURI + .images.openstack.path' "$OCP_DIR/rhcos.json")
  export MACHINE_OS_INSTALLER_IMAGE_URL
  MACHINE_OS_INSTALLER_IMAGE_SHA256=$(jq -r '.images.openstack.sha256' "$OCP_DIR/rhcos.json")
  export MACHINE_OS_INSTALLER_IMAGE_SHA256
  export MACHINE_OS_IMAGE_URL=${MACHINE_OS_IMAGE_URL:-${MACHINE_OS_INSTALLER_IMAGE_URL}}
  MACHINE_OS_IMAGE_NAME=$(basename "${MACHINE_OS_IMAGE_URL}")
  export MACHINE_OS_IMAGE_NAME
  export MACHINE_OS_IMAGE_SHA256=${MACHINE_OS_IMAGE_SHA256:-${MACHINE_OS_INSTALLER_IMAGE_SHA256}}
  
  MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_URL=$(jq -r '.baseURI + .images.qemu.path' "$OCP_DIR/rhcos.json")
  export MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_URL
  MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_SHA256=$(jq -r '.images.qemu.sha256' "$OCP_DIR/rhcos.json")
  export MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_SHA256
  export MACHINE_OS_BOOTSTRAP_IMAGE_URL=${MACHINE_OS_BOOTSTRAP_IMAGE_URL:-${MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_URL}}
  MACHINE_OS_BOOTSTRAP_IMAGE_NAME=$(basename "${MACHINE_OS_BOOTSTRAP_IMAGE_URL}")
  export MACHINE_OS_BOOTSTRAP_IMAGE_NAME
  export MACHINE_OS_BOOTSTRAP_IMAGE_SHA256=${MACHINE_OS_BOOTSTRAP_IMAGE_SHA256:-${MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_SHA256}}
  
  # FIXME the installer cache expects an uncompressed sha256
  # https://github.com/openshift/installer/issues/2845
  MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_UNCOMPRESSED_SHA256=$(jq -r '.images.qemu["uncompressed-sha256"]' "$OCP_DIR/rhcos.json")
  export MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_UNCOMPRESSED_SHA256
  export MACHINE_OS_BOOTSTRAP_IMAGE_UNCOMPRESSED_SHA256=${MACHINE_OS_BOOTSTRAP_IMAGE_UNCOMPRESSED_SHA256:-${MACHINE_OS_INSTALLER_BOOTSTRAP_IMAGE_UNCOMPRESSED_SHA256}}

  if [[ "${BOOTSTRAP_IN_PLACE:-false}" == "true" ]]; then
      MACHINE_OS_INSTALLER_LIVE_ISO_URL=$(jq -r '.baseURI + .images.iso.path' "$OCP_DIR/rhcos.json")
      export MACHINE_OS_INSTALLER_LIVE_ISO_URL
      MACHINE_OS_INSTALLER_LIVE_ISO_SHA256=$(jq -r '.images.iso.sha256' "$OCP_DIR/rhcos.json")
      export MACHINE_OS_INSTALLER_LIVE_ISO_SHA256
      export MACHINE_OS_LIVE_ISO_URL=${MACHINE_OS_LIVE_ISO_URL:-${MACHINE_OS_INSTALLER_LIVE_ISO_URL}}
      export MACHINE_OS_LIVE_ISO_SHA256=${MACHINE_OS_LIVE_ISO_SHA256:-${MACHINE_OS_INSTALLER_LIVE_ISO_SHA256}}
  fi
fi
