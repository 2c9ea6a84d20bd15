from __future__ import annotations

from celery import shared_task
from celery.utils.log import get_task_logger
from django.db import OperationalError, transaction
from django.utils import timezone
import psycopg.errors
from zarr_checksum import compute_zarr_checksum
from zarr_checksum.generators import S3ClientOptions, yield_files_s3

from dandiapi.api.asset_paths import add_zarr_paths, delete_zarr_paths
from dandiapi.api.models.asset import Asset
from dandiapi.api.models.version import Version
from dandiapi.zarr.models import ZarrArchive, ZarrArchiveStatus

logger = get_task_logger(__name__)


@shared_task(
    bind=True,
    queue='ingest_zarr_archive',
    time_limit=3600,
    max_retries=3,
    retry_backoff=True,
)
def ingest_zarr_archive(self, zarr_id: str, *, force: bool = False):
    try:
        _ingest_zarr_archive(zarr_id, force=force)
    except OperationalError as e:
        if isinstance(e.__cause__, psycopg.errors.DeadlockDetected):
            raise self.retry(exc=e) from e
        raise


def _ingest_zarr_archive(zarr_id: str, *, force: bool = False):
    # Ensure zarr is in pending state before proceeding
    with transaction.atomic():
        zarr: ZarrArchive = ZarrArchive.objects.select_for_update().get(zarr_id=zarr_id)
        if not force and zarr.status != ZarrArchiveStatus.UPLOADED:
            logger.info('Zarrs must be in an UPLOADED state to begin ingestion. Exiting...')
            return

        # Set as ingesting
        zarr.status = ZarrArchiveStatus.INGESTING
        zarr.checksum = None
        zarr.save(update_fields=['status', 'checksum'])

    # Instantiate updater and add files as they come in.
    # Compute the checksum before starting the transaction to avoid long lived locks.
    logger.info('Computing checksum for zarr %s...', zarr.zarr_id)
    checksum = compute_zarr_checksum(
        yield_files_s3(
            bucket=zarr.storage.bucket_name,
            prefix=zarr.s3_path(''),
            client_options=S3ClientOptions(
                region_name=zarr.storage.region_name,
                use_ssl=zarr.storage.use_ssl,
                verify=zarr.storage.verify,
                endpoint_url=zarr.storage.endpoint_url,
                aws_access_key_id=zarr.storage.access_key,
                aws_secret_access_key=zarr.storage.secret_key,
                aws_session_token=zarr.storage.security_token,
                config=zarr.storage.client_config,
            ),
        )
    )
    # Zarr is in correct state, lock until ingestion finishes
    with transaction.atomic():
        zarr = (
            ZarrArchive.objects.select_related('dandiset')
            .select_for_update(of=['self'])
            .get(zarr_id=zarr_id, status=ZarrArchiveStatus.INGESTING)
        )

        # Remove all asset paths associated with this zarr before ingest
        delete_zarr_paths(zarr)

        # Set zarr fields
        zarr.checksum = checksum.digest
        zarr.file_count = checksum.count
        zarr.size = checksum.size
        zarr.status = ZarrArchiveStatus.COMPLETE
        zarr.save()

        # Add asset paths after ingest is finished
        add_zarr_paths(zarr)

        # Set version status back to PENDING, and update modified.
        Version.objects.filter(id=zarr.dandiset.draft_version.id).update(
            status=Version.Status.PENDING, modified=timezone.now()
        )

        # Set the asset status back to pending, and update modified
        zarr_assets = Asset.objects.filter(zarr=zarr, published=False)
        if zarr_assets.exists():
            zarr_assets.update(status=Asset.Status.PENDING, modified=timezone.now())


def ingest_dandiset_zarrs(dandiset_id: int, **kwargs):
    for zarr in ZarrArchive.objects.filter(dandiset__id=dandiset_id):
        ingest_zarr_archive.delay(str(zarr.zarr_id), **kwargs)
