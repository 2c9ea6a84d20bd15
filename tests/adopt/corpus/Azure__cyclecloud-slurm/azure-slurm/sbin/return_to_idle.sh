#!/bin/bash

source /opt/azurehpc/slurm/venv/bin/activate
azslurm return_to_idle