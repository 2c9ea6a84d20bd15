#!/bin/bash

set -e

# Install Nix.
echo "Installing Nix..."
apt-get update && apt-get install -y nix-bin

# Configure Nix
mkdir -p /etc/nix
cat >/etc/nix/nix.conf <<'EOF'
# Enable flakes and the nix command (e.g. nix run, nix build).
experimental-features = nix-command flakes

# Run builds as the calling user, not dedicated nixbld users. This avoids
# needing to create the nixbld group and users in this ephemeral container.
build-users-group =

# Build derivations in parallel, one per CPU core.
max-jobs = auto

# Use the Crossplane Cachix cache to download pre-built binaries from CI.
extra-substituters = https://crossplane.cachix.org
extra-trusted-public-keys = crossplane.cachix.org-1:NJluVUN9TX0rY/zAxHYaT19Y5ik4ELH4uFuxje+62d4=
EOF

# Renovate installs its own Nix when it updates flake.lock. It goes earlier on
# PATH than ours and ignores the config above, so all nix commands we run (e.g.
# postUpgradeTasks) will go through this launcher, which pins both the binary
# and the config it reads.
cat >/usr/local/bin/crossplane-nix <<'EOF'
#!/bin/bash
exec env NIX_CONF_DIR=/etc/nix /usr/bin/nix "$@"
EOF
chmod +x /usr/local/bin/crossplane-nix

echo "Nix $(crossplane-nix --version) installed successfully"

# Install Earthly (for release branches) from the repository flake on main,
# pinned by main's flake.lock. The flake is referenced by URL because this
# entrypoint runs in the Renovate container before the target repo is checked
# out, so the working directory does not yet contain a flake.nix.
echo "Installing Earthly..."
crossplane-nix profile install github:crossplane/crossplane#earthly
export PATH="$HOME/.nix-profile/bin:$PATH"
earthly bootstrap

renovate
