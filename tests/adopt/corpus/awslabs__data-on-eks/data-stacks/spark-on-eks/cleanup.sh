#!/bin/bash

cd terraform/_local
source ./cleanup.sh
