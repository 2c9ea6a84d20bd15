pushd infra

terraform init && terraform destroy

popd