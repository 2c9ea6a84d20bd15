# kube_pvc_snapshot module
