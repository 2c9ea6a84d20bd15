pushd infra

terraform init && terraform apply

popd