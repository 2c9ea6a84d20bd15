#!/bin/bash

python3 -m pip install 'ansible<3.0'
python3 -m pip install kolla-ansible
