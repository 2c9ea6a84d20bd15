#!/bin/bash

docker build . -t kube-backup
