#!/bin/bash
minikube delete
minikube addons disable metrics-server
minikube start \
    --vm-driver=kvm2 \
    --kubernetes-version=v1.16.0 \
    --memory=6g \
    --bootstrapper=kubeadm \
    --extra-config=kubelet.authentication-token-webhook=true \
    --extra-config=kubelet.authorization-mode=Webhook \
    --extra-config=scheduler.address=0.0.0.0 \
    --extra-config=controller-manager.address=0.0.0.0
