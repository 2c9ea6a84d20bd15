"""
learning_resources tasks
"""

import datetime as datetime_module
import logging
from datetime import UTC, datetime

import boto3
import celery
from celery.exceptions import Ignore
from django.conf import settings
from django.db import OperationalError
from django.db.models import Q
from django.utils import timezone

from learning_resources.constants import LearningResourceType
from learning_resources.etl import loaders, ovs, pipelines, youtube
from learning_resources.etl.canvas import (
    sync_canvas_archive,
)
from learning_resources.etl.canvas_utils import canvas_course_folder
from learning_resources.etl.constants import (
    MARKETING_PAGE_FILE_TYPE,
    RESOURCE_FILE_ETL_SOURCES,
    ETLSource,
)
from learning_resources.etl.edx_shared import (
    get_most_recent_course_archives,
    sync_edx_archive,
    sync_edx_course_files,
)
from learning_resources.etl.loaders import (
    load_learning_materials,
    load_run_dependent_values,
)
from learning_resources.etl.pipelines import ocw_courses_etl
from learning_resources.etl.utils import (
    get_bucket_by_name,
    get_s3_prefix_for_source,
)
from learning_resources.models import ContentFile, LearningResource, VideoChannel
from learning_resources.site_scrapers.utils import scraper_for_site
from learning_resources.utils import (
    build_program_children_content_bulk,
    html_to_markdown,
    load_course_blocklist,
    programs_needing_children_heal,
    resource_unpublished_actions,
    resource_upserted_actions,
    strip_markdown_images,
)
from learning_resources_search.constants import (
    CONTENT_FILE_TYPE,
    SEARCH_CONN_EXCEPTIONS,
)
from learning_resources_search.exceptions import RetryError
from main.celery import app
from main.constants import ISOFORMAT
from main.decorators import cooldown_task
from main.utils import chunks, now_in_utc

log = logging.getLogger(__name__)

CLEANUP_RETRY_EXCEPTIONS = (*SEARCH_CONN_EXCEPTIONS, OperationalError)


@app.task(acks_late=True, reject_on_worker_lost=True)
def update_next_start_date_and_prices():
    """Update expired next start dates and prices"""
    resources = LearningResource.objects.filter(next_start_date__lt=timezone.now())
    for resource in resources:
        load_run_dependent_values(resource)
        if resource.published:
            resource_upserted_actions(
                resource, percolate=False, generate_embeddings=True
            )
    return len(resources)


@app.task(acks_late=True, reject_on_worker_lost=True)
@cooldown_task(
    wait_time=3600,
    key_func=lambda *, api_course_datafile=None, api_program_datafile=None: (
        f"course={api_course_datafile}:program={api_program_datafile}"
    ),
)
def get_mit_edx_data(
    api_course_datafile: str | None = None,
    api_program_datafile: str | None = None,
) -> int | None:
    """Task to sync MIT edX data with the database

    Args:
        api_course_datafile (str): If provided, use file as source of course API data
            Otherwise, the API is queried directly.
        api_program_datafile (str): If provided, use file as source of program API data.
            Otherwise, the API is queried directly.

    Returns:
        int | None: The number of results fetched, or None if the call was
            skipped due to rate limiting.
    """
    courses = pipelines.mit_edx_courses_etl(api_course_datafile)
    programs = pipelines.mit_edx_programs_etl(api_program_datafile)
    return len(courses) + len(programs)


@app.task(acks_late=True, reject_on_worker_lost=True)
@cooldown_task(wait_time=900)
def get_mitxonline_data() -> int | None:
    """Execute the MITX Online ETL pipeline"""
    courses = pipelines.mitxonline_courses_etl()
    programs = pipelines.mitxonline_programs_etl()
    return len(courses) + len(programs)


@app.task
@cooldown_task(
    wait_time=900,
    key_func=lambda *, sheets_id=None: f"sheets_id={sheets_id}",
)
def get_oll_data(sheets_id=None) -> int | None:
    """Execute the OLL ETL pipeline.

    Args:
        sheets_id (str): If provided, retrieved data from the
        google spreadsheet with this id.

    """
    courses = pipelines.oll_etl(sheets_id)
    return len(courses)


@app.task(acks_late=True, reject_on_worker_lost=True)
def get_mitpe_data():
    """Execute the Professional Education ETL pipeline"""
    courses, programs = pipelines.mitpe_etl()
    return len(courses) + len(programs)


@app.task(acks_late=True, reject_on_worker_lost=True)
def get_sloan_data():
    """Execute the Sloan ETL pipelines"""
    courses = pipelines.sloan_courses_etl()
    return len(courses)


@app.task(acks_late=True, reject_on_worker_lost=True)
@cooldown_task(wait_time=900)
def get_xpro_data() -> int | None:
    """Execute the xPro ETL pipeline"""
    courses = pipelines.xpro_courses_etl()
    programs = pipelines.xpro_programs_etl()
    return len(courses) + len(programs)


@app.task(acks_late=True, reject_on_worker_lost=True)
def get_mit_climate_data():
    """Execute the MIT Climate ETL pipeline"""
    articles = pipelines.mit_climate_etl()
    return len(articles)


@app.task(acks_late=True, reject_on_worker_lost=True)
def get_content_files(
    ids: list[int],
    etl_source: str,
    keys: list[str],
    *,
    overwrite: bool = False,
):
    """
    Task to sync edX course content files with database
    """
    if not (
        settings.AWS_ACCESS_KEY_ID
        and settings.AWS_SECRET_ACCESS_KEY
        and settings.COURSE_ARCHIVE_BUCKET_NAME is not None
    ):
        log.warning("Required settings missing for %s files", etl_source)
        return
    sync_edx_course_files(etl_source, ids, keys, overwrite=overwrite)


def get_content_tasks(
    etl_source: str,
    *,
    chunk_size: int | None = None,
    overwrite: bool = False,
    learning_resource_ids: list[int] | None = None,
    # Updated parameter
) -> celery.group:
    """
    Return a list of grouped celery tasks for indexing edx content
    """
    if chunk_size is None:
        chunk_size = settings.LEARNING_COURSE_ITERATOR_CHUNK_SIZE

    blocklisted_ids = load_course_blocklist()
    archive_keys = get_most_recent_course_archives(etl_source)

    if learning_resource_ids:
        learning_resources = (
            LearningResource.objects.filter(
                id__in=learning_resource_ids, etl_source=etl_source
            )
            .order_by("-id")
            .values_list("id", flat=True)
        )
    else:
        learning_resources = (
            LearningResource.objects.filter(Q(published=True) | Q(test_mode=True))
            .filter(course__isnull=False, etl_source=etl_source)
            .exclude(readable_id__in=blocklisted_ids)
            .order_by("-id")
            .values_list("id", flat=True)
        )

    return celery.group(
        [
            get_content_files.si(ids, etl_source, archive_keys, overwrite=overwrite)
            for ids in chunks(
                learning_resources,
                chunk_size=chunk_size,
            )
        ]
    )


@app.task(bind=True)
def import_all_mit_edx_files(
    self, *, chunk_size=None, overwrite=False, learning_resource_ids=None
):
    """Ingest MIT edX files from an S3 bucket"""
    return self.replace(
        get_content_tasks(
            ETLSource.mit_edx.name,
            chunk_size=chunk_size,
            overwrite=overwrite,
            learning_resource_ids=learning_resource_ids,
        )
    )


@app.task(bind=True)
def import_all_oll_files(
    self, *, chunk_size=None, overwrite=False, learning_resource_ids=None
):
    """Ingest MIT edX files from an S3 bucket"""
    return self.replace(
        get_content_tasks(
            ETLSource.oll.name,
            chunk_size=chunk_size,
            overwrite=overwrite,
            learning_resource_ids=learning_resource_ids,
        )
    )


@app.task(bind=True)
def import_all_mitxonline_files(
    self, *, chunk_size=None, overwrite=False, learning_resource_ids=None
):
    """Ingest MITx Online files from an S3 bucket"""

    return self.replace(
        get_content_tasks(
            ETLSource.mitxonline.name,
            chunk_size=chunk_size,
            overwrite=overwrite,
            learning_resource_ids=learning_resource_ids,
        )
    )


@app.task(bind=True)
def import_all_xpro_files(
    self, *, chunk_size=None, overwrite=False, learning_resource_ids=None
):
    """Ingest xPRO OLX files from an S3 bucket"""

    return self.replace(
        get_content_tasks(
            ETLSource.xpro.name,
            chunk_size=chunk_size,
            overwrite=overwrite,
            learning_resource_ids=learning_resource_ids,
        )
    )


@app.task(bind=True)
def import_content_files(
    self, etl_source, *, chunk_size=None, overwrite=False, learning_resource_ids=None
):
    """Import content files for any edX-based ETL source.

    This task wraps get_content_tasks so that the S3 archive listing and
    task-group construction happen asynchronously in a Celery worker, rather
    than blocking the calling task.
    """
    return self.replace(
        get_content_tasks(
            etl_source,
            chunk_size=chunk_size,
            overwrite=overwrite,
            learning_resource_ids=learning_resource_ids,
        )
    )


@app.task(acks_late=True, reject_on_worker_lost=True)
def get_podcast_data():
    """
    Execute the Podcast ETL pipeline

    Returns:
        int:
            The number of results that were fetched
    """
    results = pipelines.podcast_etl()
    return len(list(results))


@app.task(acks_late=True)
def get_ovs_data():
    """
    Execute the OVS ETL pipeline

    Returns:
        int:
            The number of results that were fetched
    """
    results = pipelines.ovs_etl()
    return len(list(results))


@app.task(acks_late=True)
def get_ocw_courses(
    *,
    url_paths,
    force_overwrite,
    utc_start_timestamp=None,
    skip_content_files=settings.OCW_SKIP_CONTENT_FILES,
):
    """
    Task to sync a batch of OCW Next courses
    """
    if utc_start_timestamp:
        utc_start_timestamp = datetime.strptime(  # noqa: DTZ007
            utc_start_timestamp, ISOFORMAT
        )
        utc_start_timestamp = utc_start_timestamp.replace(tzinfo=UTC)

    ocw_courses_etl(
        url_paths=url_paths,
        force_overwrite=force_overwrite,
        start_timestamp=utc_start_timestamp,
        skip_content_files=skip_content_files,
    )


@app.task(bind=True, acks_late=True)
def update_ocw_learning_material_resources(self):  # noqa: ARG001
    """
    Task to update OCW learning materials resources without updating
    ocw courses or content files
    """

    for course in LearningResource.objects.filter(
        published=True, etl_source=ETLSource.ocw.name, resource_type="course"
    ):
        course_run = course.runs.filter(published=True).first()
        if not course_run:
            log.warning(
                "Published course %s has no published run; "
                "skipping learning materials update",
                course.readable_id,
            )
            continue
        content_file_ids = course_run.content_files.filter(published=True).values_list(
            "id", flat=True
        )

        try:
            load_learning_materials(course_run, content_file_ids)
        except Exception as e:
            error = (
                f"Error loading learning materials for course run {course_run.id}: {e}"
            )
            log.exception(error)


@app.task(bind=True, acks_late=True)
def get_ocw_data(  # noqa: PLR0913
    self,
    *,
    force_overwrite: bool | None = False,
    course_url_substring: str | None = None,
    utc_start_timestamp: datetime | None = None,
    prefix: str | None = None,
    skip_content_files: bool | None = settings.OCW_SKIP_CONTENT_FILES,
):
    """
    Task to sync OCW Next course data with database
    """
    if not (
        settings.AWS_ACCESS_KEY_ID
        and settings.AWS_SECRET_ACCESS_KEY
        and settings.OCW_LIVE_BUCKET
    ):
        log.warning("Required settings missing for get_ocw_data")
        return None

    # get all the courses prefixes we care about
    raw_data_bucket = boto3.resource(
        "s3",
        aws_access_key_id=settings.AWS_ACCESS_KEY_ID,
        aws_secret_access_key=settings.AWS_SECRET_ACCESS_KEY,
    ).Bucket(name=settings.OCW_LIVE_BUCKET)

    ocw_courses = set()
    log.info("Assembling list of courses...")

    if not prefix:
        prefix = "courses/"

    if course_url_substring:
        prefix = prefix + course_url_substring + "/"

    for bucket_file in raw_data_bucket.objects.filter(Prefix=prefix):
        key_pieces = bucket_file.key.split("/")
        if "/".join(key_pieces[:2]) != "":
            path = "/".join(key_pieces[:2]) + "/"
            ocw_courses.add(path)

    if len(ocw_courses) == 0:
        log.info("No courses matching url substring")
        return None

    log.info("Backpopulating %d OCW courses...", len(ocw_courses))

    ocw_tasks = celery.group(
        [
            get_ocw_courses.si(
                url_paths=url_path,
                force_overwrite=force_overwrite,
                utc_start_timestamp=utc_start_timestamp,
                skip_content_files=skip_content_files,
            )
            for url_path in chunks(
                ocw_courses, chunk_size=settings.OCW_ITERATOR_CHUNK_SIZE
            )
        ]
    )
    return self.replace(ocw_tasks)


@app.task(acks_late=True, reject_on_worker_lost=True)
def get_youtube_playlist_data(
    channel_id, playlist_data, offered_by_code, *, create_videos
):
    """
    Load a single youtube playlist and its videos

    Args:
        channel_id (str): youtube's id for the playlist's channel
        playlist_data (dict): the raw playlist data from the youtube api
        offered_by_code (str): the offered_by code for the playlist
        create_videos (bool): whether to create videos from this playlist
            or match to existing videos without creating new ones
    """
    video_channel = VideoChannel.objects.filter(channel_id=channel_id).first()
    if video_channel is None:
        # the channel task upserts the channel before fanning out, so this only
        # happens if the channel was deleted mid-run
        log.error("No VideoChannel for channel_id=%s", channel_id)
        return

    youtube_client = youtube.get_youtube_client()
    playlist_id = playlist_data["id"]
    loaders.load_playlist(
        video_channel,
        youtube.transform_playlist(
            playlist_data,
            youtube.extract_playlist_items(youtube_client, playlist_id),
            offered_by_code,
            create_videos=create_videos,
        ),
    )


@app.task(acks_late=True, reject_on_worker_lost=True)
def get_youtube_channel_data(channel_config):
    """
    Load a single youtube channel and fan its playlists out into their own tasks.

    The channel row is upserted before the playlist tasks are queued so they
    can find it, and the channel's full playlist listing is resolved before
    anything is unpublished, so a failed extraction can't unpublish a live
    playlist.

    Args:
        channel_config (dict): the channel's configuration
    """
    channel_id = channel_config["channel_id"]
    youtube_client = youtube.get_youtube_client()

    channel_data = youtube.extract_channel(youtube_client, channel_id)
    if channel_data is None:
        log.warning("No youtube data for channel_id=%s", channel_id)
        return

    create_videos = channel_config.get("create_videos", True)
    playlists = list(
        youtube.extract_playlist_metadata(
            youtube_client,
            channel_config.get("playlists", []),
            channel_id,
            create_videos_channel_setting=create_videos,
        )
    )

    video_channel = loaders.upsert_video_channel(
        youtube.transform_channel(channel_data)
    )
    loaders.unpublish_removed_playlists(
        video_channel, [playlist_data["id"] for playlist_data, _ in playlists]
    )

    log.info(
        "Queueing %d playlists for youtube channel_id=%s", len(playlists), channel_id
    )
    for playlist_data, playlist_create_videos in playlists:
        get_youtube_playlist_data.delay(
            channel_id,
            playlist_data,
            channel_config.get("offered_by", None),
            create_videos=playlist_create_videos,
        )


@app.task(acks_late=True, reject_on_worker_lost=True)
def get_youtube_data(*, channel_ids=None):
    """
    Fan the YouTube ETL out into one task per channel, each of which fans out
    into one task per playlist.

    Nothing waits on the fan-out: no worker holds more than a single playlist's
    worth of work, so a culled pod costs only the playlist it was loading and
    the redelivered message picks it back up.

    Args:
        channel_ids (list of str or None):
            if a list the extraction is limited to those channels

    Returns:
        int: the number of channels queued
    """
    missing = [
        setting
        for setting in ("YOUTUBE_CONFIG_URL", "YOUTUBE_DEVELOPER_KEY")
        if not getattr(settings, setting)
    ]
    if missing:
        log.error("Missing required settings: %s", ", ".join(missing))
        return 0

    channel_configs = youtube.get_youtube_channel_configs(channel_ids=channel_ids)
    if not channel_configs:
        # an empty config would unpublish every channel below, so treat it as a
        # failure rather than as "youtube offers nothing"
        log.error("No youtube channel configs found")
        return 0

    if not channel_ids:
        # only a full run knows the complete set of configured channels; a run
        # filtered to specific channels must not unpublish the rest
        loaders.unpublish_removed_youtube_channels(
            [channel_config["channel_id"] for channel_config in channel_configs]
        )

    log.info("Queueing %d youtube channels", len(channel_configs))
    for channel_config in channel_configs:
        get_youtube_channel_data.delay(channel_config)

    return len(channel_configs)


@app.task
def get_youtube_transcripts(
    *, created_after=None, created_minutes=None, overwrite=False
):
    """
    Fetch transcripts for Youtube videos

    Args:
        created_after (date or None):
            if str, transcripts are pulled only for videos added after date
        created_minutes (int or None):
            if str, transcripts are pulled only from videos added >= created_minutes ago
        overwrite (bool):
            if true, transcripts are updated for videos that already have transcripts
    """

    videos = youtube.get_youtube_videos_for_transcripts_job(
        created_after=created_after,
        created_minutes=created_minutes,
        overwrite=overwrite,
    )

    log.info("Updating transcripts for %i videos", videos.count())
    youtube.get_youtube_transcripts(videos)


@app.task(acks_late=True)
def get_ovs_transcripts(*, overwrite=False):
    """
    Fetch transcripts for OVS videos from their caption URLs.

    Args:
        overwrite (bool):
            if true, transcripts are updated for videos that already have transcripts
    """

    videos = ovs.get_ovs_videos_for_transcripts_job(overwrite=overwrite)

    log.info("Updating OVS transcripts for %i videos", videos.count())
    ovs.get_ovs_transcripts(videos)


@app.task(acks_late=True, reject_on_worker_lost=True)
def get_learning_resource_views():
    """Load learning resource views from the PostHog ETL."""

    pipelines.posthog_etl()


@app.task(acks_late=True)
def summarize_content_files_task(
    content_file_ids: list[int], *, overwrite: bool = False
):
    """Process a batch of content files to generate summary and flashcards.
    Args:
        - content_file_ids (list[int]): List of content file ids to process
        - overwrite (bool): Whether to overwrite existing summary and flashcards
    Returns:
        - None
    """
    from learning_resources.content_summarizer import ContentSummarizer

    summarizer = ContentSummarizer()
    return summarizer.summarize_content_files_by_ids(content_file_ids, overwrite)


@app.task(bind=True, acks_late=True)
def summarize_unprocessed_content(
    self,
    *,
    batch_size=None,
    unprocessed_content_ids: list[int],
    overwrite: bool = False,
):
    """Summarize the unprocessed content files.

    Args:
        - batch_size (int): Batch size for batch import task
        - unprocessed_content_ids (list[int]): List of resource ids to process
        - overwrite (bool): Force overwrite existing embeddings

    Returns:
        - None
    """

    if batch_size is None:
        batch_size = settings.CONTENT_FILE_SUMMARIZER_BATCH_SIZE

    summarizer_tasks = celery.group(
        [
            summarize_content_files_task.si(
                content_file_ids=content_ids, overwrite=overwrite
            )
            for content_ids in chunks(
                unprocessed_content_ids,
                chunk_size=batch_size,
            )
        ]
    )
    return self.replace(summarizer_tasks)


@app.task(acks_late=True, reject_on_worker_lost=True)
def ingest_canvas_course(archive_path, overwrite):
    bucket = get_bucket_by_name(settings.COURSE_ARCHIVE_BUCKET_NAME)
    return sync_canvas_archive(bucket, archive_path, overwrite=overwrite)


@app.task(acks_late=True)
def ingest_edx_run_archive(
    etl_source: str,
    archive_path: str,
    *,
    run_id: str | None = None,
    overwrite: bool = False,
):
    return sync_edx_archive(
        etl_source, archive_path, run_id=run_id, overwrite=overwrite
    )


def unpublish_removed_canvas_courses(course_folders: list[str]) -> int:
    """
    Unpublish and delete canvas courses that no longer have an archive in S3.

    A canvas readable id is f"{course_folder}-{course_code}", so the archive's
    S3 folder identifies its resource on its own - the same mapping the canvas
    delete webhook uses to find a resource from a canvas course id. That means
    the S3 listing already knows which courses are still offered and the sweep
    doesn't have to wait on the imports to report back.

    Args:
        course_folders (list of str): folders of every archive currently in S3

    Returns:
        int: the number of stale courses deleted
    """
    if not course_folders:
        log.error("No canvas archives listed, skipping stale course cleanup")
        return 0

    current_folders = set(course_folders)
    stale_ids = [
        resource_id
        for resource_id, readable_id in LearningResource.objects.filter(
            etl_source=ETLSource.canvas.name
        ).values_list("id", "readable_id")
        if readable_id.split("-", 1)[0] not in current_folders
    ]
    if not stale_ids:
        log.info("No stale canvas courses to delete")
        return 0

    stale_courses = LearningResource.objects.filter(id__in=stale_ids)
    stale_courses.update(test_mode=False, published=False)

    for resource in stale_courses:
        resource_unpublished_actions(resource)
    log.info("Unpublished %d stale canvas courses", len(stale_ids))
    return len(stale_ids)


@app.task(acks_late=True, reject_on_worker_lost=True)
def sync_canvas_courses(canvas_course_ids=None, overwrite=False):  # noqa: FBT002
    """
    Sync all canvas courses from the S3 bucket, queuing an ingestion task per course.

    Each course is ingested by its own independent task; nothing waits on them,
    so this returns as soon as the archives are queued.

    Args:
        canvas_course_ids (list or None): If set, sync only these canvas course
            ids. If None, sync every course and unpublish stale ones.
        overwrite (bool): Whether to overwrite existing content files

    Returns:
        int or None: the number of courses queued, or None if no archives were found
    """

    bucket = get_bucket_by_name(settings.COURSE_ARCHIVE_BUCKET_NAME)
    s3_prefix = get_s3_prefix_for_source(ETLSource.canvas.name)
    exports = bucket.objects.filter(Prefix=s3_prefix)
    log.info("syncing all canvas courses")
    latest_archives = {}

    for archive in exports:
        key = archive.key
        course_folder = canvas_course_folder(key)
        log.info("processing course folder %s", course_folder)

        if (
            key.endswith("imscc")
            and (not canvas_course_ids or course_folder in canvas_course_ids)
            and (
                (course_folder not in latest_archives)
                or max(
                    archive.last_modified, latest_archives[course_folder].last_modified
                )
                == archive.last_modified
            )
        ):
            latest_archives[course_folder] = archive

    if not latest_archives:
        # an empty listing would sweep every canvas course away, so treat it as
        # a failed run rather than as "canvas offers nothing"
        log.error("No canvas archives found under %s", s3_prefix)
        return None

    if not canvas_course_ids:
        # only a full run lists every archive; a run filtered to specific
        # courses must not unpublish the rest. Sweeping before the fan-out
        # means a culled import can't hold up (or lose) the cleanup.
        unpublish_removed_canvas_courses(list(latest_archives.keys()))

    log.info("Queueing %d canvas course archives", len(latest_archives))
    for archive in latest_archives.values():
        ingest_canvas_course.delay(archive.key, overwrite)
    return len(latest_archives)


@app.task(bind=True)
def scrape_marketing_pages(self):
    """
    Scrape marketing pages for programs and courses and store them as content
    files. Child courses are scraped before their parent programs so a program's
    children section is built from child marketing pages that already exist.
    Programs whose stored page is missing its children section (and whose
    children content is now available) are re-scraped to heal them.
    """
    log.info("Running scrape_marketing_pages task")
    resource_types = dict(
        LearningResource.objects.filter(
            published=True, resource_type__in=["course", "program"]
        ).values_list("id", "resource_type")
    )
    # Unpublished pages don't count as existing, so a resource whose page was
    # unpublished along with it gets re-scraped (and republished) if the
    # resource comes back.
    existing_page_resource_ids = set(
        ContentFile.objects.filter(
            file_type=MARKETING_PAGE_FILE_TYPE, published=True
        ).values_list("learning_resource_id", flat=True)
    )

    missing_ids = set(resource_types) - existing_page_resource_ids
    missing_course_ids = sorted(
        rid for rid in missing_ids if resource_types[rid] == "course"
    )
    program_ids_with_pages = {
        rid
        for rid in existing_page_resource_ids
        if resource_types.get(rid) == "program"
    }
    program_ids = {rid for rid in missing_ids if resource_types[rid] == "program"}
    program_ids |= programs_needing_children_heal(program_ids_with_pages)

    course_tasks = [
        marketing_page_for_resources.si(ids)
        for ids in chunks(missing_course_ids, chunk_size=settings.QDRANT_CHUNK_SIZE)
    ]
    program_tasks = [
        marketing_page_for_resources.si(ids)
        for ids in chunks(sorted(program_ids), chunk_size=settings.QDRANT_CHUNK_SIZE)
    ]

    if course_tasks and program_tasks:
        scrape_tasks = celery.chain(
            celery.group(course_tasks), celery.group(program_tasks)
        )
    elif course_tasks:
        scrape_tasks = celery.group(course_tasks)
    elif program_tasks:
        scrape_tasks = celery.group(program_tasks)
    else:
        return None
    return self.replace(scrape_tasks)


@app.task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(RetryError,),
    retry_backoff=True,
    rate_limit=settings.CELERY_RATE_LIMIT,
)
def marketing_page_for_resources(resource_ids):
    from learning_resources_search.tasks import upsert_content_file
    from vector_search.tasks import generate_embeddings

    content_file_ids = []
    resources = list(LearningResource.objects.filter(id__in=resource_ids))
    program_resources = [
        resource
        for resource in resources
        if resource.resource_type == LearningResourceType.program.name
    ]
    program_children_content = (
        build_program_children_content_bulk(program_resources)
        if program_resources
        else {}
    )

    for learning_resource in resources:
        marketing_page_url = learning_resource.url
        try:
            scraper = scraper_for_site(marketing_page_url)
            page_content = scraper.scrape()
        except Exception:
            # Isolate per-resource failures so one bad page can't fail the whole
            # chunk. When these tasks are chained (course group -> program group),
            # a failed task poisons the chord header and the program group never
            # runs, so keep this batch succeeding for pages that do scrape.
            log.exception(
                "Failed to scrape marketing page for resource %s (%s)",
                learning_resource.id,
                marketing_page_url,
            )
            continue
        if page_content:
            content_file, _ = ContentFile.objects.update_or_create(
                learning_resource=learning_resource,
                file_type=MARKETING_PAGE_FILE_TYPE,
                defaults={
                    "file_extension": ".md",
                },
            )
            content_file.key = marketing_page_url
            content_file.url = marketing_page_url
            content = strip_markdown_images(html_to_markdown(page_content))
            if learning_resource.resource_type == LearningResourceType.program.name:
                children_content = program_children_content.get(
                    learning_resource.id, ""
                )
                if children_content:
                    content += children_content
            content_file.content = content
            content_file.published = learning_resource.published
            content_file.save()
            content_file_ids.append(content_file.id)
            if content_file.published:
                upsert_content_file.delay(content_file.id)
    if content_file_ids:
        generate_embeddings.delay(content_file_ids, CONTENT_FILE_TYPE, overwrite=True)


@app.task(
    autoretry_for=(RetryError,),
    retry_backoff=True,
    rate_limit=settings.CELERY_SEARCH_RATE_LIMIT,
)
def cleanup_deleted_content_files():
    """
    Physically delete ContentFile records that have been soft-deleted
    (published=False) for longer than settings.CONTENT_FILE_RETENTION_DAYS.

    Scoped to ETL sources whose contentfiles are managed by the soft-delete
    flow (RESOURCE_FILE_ETL_SOURCES) so that contentfiles owned by other
    sources are not affected.
    """
    from learning_resources_search.tasks import wrap_retry_exception

    try:
        with wrap_retry_exception(*CLEANUP_RETRY_EXCEPTIONS):
            cutoff = now_in_utc() - datetime_module.timedelta(
                days=settings.CONTENT_FILE_RETENTION_DAYS
            )
            chunk_size = settings.CONTENT_FILE_CLEANUP_CHUNK_SIZE
            content_file_label = ContentFile._meta.label  # noqa: SLF001
            total_deleted = 0
            found_candidates = False
            last_id = 0
            while True:
                chunk = list(
                    ContentFile.objects.filter(
                        published=False,
                        updated_on__lt=cutoff,
                        run__learning_resource__etl_source__in=RESOURCE_FILE_ETL_SOURCES,
                        id__gt=last_id,
                    )
                    .order_by("id")
                    .values_list("id", flat=True)[:chunk_size]
                )

                if not chunk:
                    if not found_candidates:
                        log.info(
                            "cleanup_deleted_content_files: "
                            "no eligible content files found"
                        )
                    return total_deleted

                found_candidates = True
                last_id = chunk[-1]
                _, per_model = ContentFile.objects.filter(
                    id__in=chunk,
                    published=False,
                    updated_on__lt=cutoff,
                    run__learning_resource__etl_source__in=RESOURCE_FILE_ETL_SOURCES,
                ).delete()
                total_deleted += per_model.get(content_file_label, 0)
    except (RetryError, Ignore):
        raise
    except:  # noqa: E722
        error = "cleanup_deleted_content_files threw an error"
        log.exception(error)
        return error
