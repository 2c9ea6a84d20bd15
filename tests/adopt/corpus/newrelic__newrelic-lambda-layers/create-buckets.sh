#!/bin/bash -x

BUCKET_PREFIX=nr-layers
REGIONS=(
  ap-northeast-1
  ap-northeast-2
  ap-south-1
  ap-southeast-1
  ap-southeast-2
  ca-central-1
  eu-central-1
  eu-north-1
  eu-west-1
  eu-west-2
  eu-west-3
  sa-east-1
  us-east-1
  us-east-2
  us-west-1
  us-west-2
)

for region in "${REGIONS[@]}"; do
    bucket_name="${BUCKET_PREFIX}-${region}"
    aws s3 mb "s3://${bucket_name}" --region $region
done
