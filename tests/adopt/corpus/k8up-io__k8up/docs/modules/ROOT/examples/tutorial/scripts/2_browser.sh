#!/usr/bin/env bash

# Open browser showing Minio
minikube service minio

# Open browser showing WordPress
minikube service wordpress
