#!/usr/bin/env bash

sudo yum -y install gcc rpm-build rpm-devel rpmlint make  bash coreutils diffutils patch rpmdevtools
sudo yum -y install java git maven
sudo yum -y install rpm-sign