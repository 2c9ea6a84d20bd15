"""List ECS services within a cluster."""
import logging

import botocore.exceptions

from utils.args import base_parser
from utils.logging_helper import setup_logging
from utils.session import get_client

logger = logging.getLogger(__name__)


def list_services(client, cluster):
    """Return a list of ECS service ARNs for the given cluster.

    Parameters
    ----------
    client  : boto3 ECS client
    cluster : cluster name or ARN

    Returns
    -------
    list of str  — service ARNs
    """
    try:
        paginator = client.get_paginator("list_services")
        arns = []
        for page in paginator.paginate(cluster=cluster):
            arns.extend(page.get("serviceArns", []))
        for arn in arns:
            logger.info("Service: %s", arn)
        return arns
    except botocore.exceptions.ClientError as exc:
        logger.error("Failed to list services in cluster %s: %s", cluster, exc)
        raise


if __name__ == "__main__":
    setup_logging()
    parser = base_parser("List ECS services")
    parser.add_argument("--cluster", required=True, help="Cluster name or ARN")
    args = parser.parse_args()
    client = get_client("ecs", args.profile, args.region)
    list_services(client, args.cluster)
