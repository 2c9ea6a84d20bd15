#!/bin/bash

cd "$(dirname "${BASH_SOURCE[0]}")"

# - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -

./init.sh

./app_store.sh
./chromium.sh
./dock.sh
./finder.sh
./firefox.sh
./keyboard.sh
./language_and_region.sh
./maps.sh
./photos.sh
./safari.sh
./security_and_privacy.sh
./terminal.sh
./textedit.sh
./trackpad.sh
./ui_and_ux.sh
