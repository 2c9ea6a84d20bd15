#!/usr/bin/env bash

# Create Google Cloud storage bucket

################################################################################
# INCLUDE FUNCTIONS
################################################################################

MY_INCLUDE='../inc/include.sh'
# ignore SC1090
# shellcheck source=/dev/null
if ! source "$MY_INCLUDE"; then
	ME=$(basename "$0")
	BASE_PATH=$(dirname "$0")
	echo;echo "× Can not read required include file '$MY_INCLUDE'";echo
	echo      "  Please start the script directly in the directory:"
	echo      "    cd $BASE_PATH && bash $ME";echo
	exit 9
fi

################################################################################
# MAIN
################################################################################

# Create Google Cloud storage bucket or exit_with_failure
# In: MY_GCP_STORAGE, MY_GCP_REGION
create_storage

# Done
echo_success "Storage bucket successfully created"
