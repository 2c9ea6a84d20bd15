TF_SECRETS_PATH="${HOME}/scm/mdn-k8s-private/terraform/infra"
