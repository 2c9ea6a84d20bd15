"""
This part of the workflow handles uploading files to AWS S3.
Depends on the main Snakefile to define the variable `database`, which is NOT a wildcard.

See `files_to_upload` for the list of
expected inputs.

Produces the following outputs:
    "data/{database}/upload.done"
These output files are empty flag files to force Snakemake to run the upload rules.

Note: we are doing parallel uploads of zstd compressed files to slowly make the transition to this format.
"""

def compute_files_to_upload():
    """
    Compute files to upload
    The keys are the name of the file once uploaded to S3
    The values are the local paths to the file to be uploaded
    """

    files_to_upload = {
                        "metadata.tsv.zst":             f"data/{database}/metadata.tsv",
                        "sequences.fasta.zst":          f"data/{database}/sequences.fasta",

                        "nextclade.tsv.zst":           f"data/{database}/nextclade.tsv",
                        "aligned.fasta.zst":           f"data/{database}/aligned.fasta",

                        "nextclade_version.json":          f"data/{database}/nextclade_version.json",
                        "metadata_version.json":           f"data/{database}/metadata_version.json",
                    }
    files_to_upload = files_to_upload | {
        f"translation_{gene}.fasta.zst" : f"data/{database}/translation_{gene}.fasta"
        for gene in GENE_LIST
    }

    if database=="genbank":
        files_to_upload["biosample.tsv.zst"] =           f"data/{database}/biosample.tsv"
        files_to_upload["duplicate_biosample.txt.zst"] = f"data/{database}/duplicate_biosample.txt"

    elif database=="gisaid":
        files_to_upload["additional_info.tsv.zst"] =     f"data/{database}/additional_info.tsv"

    # Include upload of raw NDJSON if we are fetching new sequences from database
    if config.get("fetch_from_database", False):
        files_to_upload.update({
            f"{database}.ndjson.zst": f"data/{database}.ndjson",
        })
        if database=="genbank":
            files_to_upload.update({
                "biosample.ndjson.zst": f"data/biosample.ndjson",

                "rki.ndjson.zst": f"data/rki.ndjson",

                "cog_uk_accessions.tsv.zst": f"data/cog_uk_accessions.tsv",
                "cog_uk_metadata.csv.zst": f"data/cog_uk_metadata.csv",
            })
    return files_to_upload

files_to_upload = compute_files_to_upload()

def archive_targets(wildcards):
    if (
        config.get("fetch_from_database", False) and
        config.get("s3_archive_dst")
    ):
        remote_files = [f"{database}.ndjson.zst"]
        return [
            f"data/{database}/{remote_file}.archive"
            for remote_file in remote_files
        ]
    else:
        return []

rule upload_single:
    input:
        file_to_upload = lambda w: files_to_upload[w.remote_filename],
        # Include the notifications touch file as an input to ensure that
        # uploads only run after the notifications rules have run.
        # This prevents the race condition between diffs and uploads described
        # in https://github.com/nextstrain/ncov-ingest/issues/423
        #   -Jover, 2024-01-26
        notifications_flag = f"data/{database}/notify.done" if send_notifications else [],
    output:
        "data/{database}/{remote_filename}.upload",
    benchmark:
        "benchmarks/upload_single_{database}_{remote_filename}.txt"
    params:
        quiet = "" if send_notifications else "--quiet",
        s3_bucket = config.get("s3_dst",""),
        cloudfront_domain = config.get("cloudfront_domain", ""),
    shell:
        """
        ./shared/vendored/scripts/upload-to-s3 \
            {params.quiet} \
            {input.file_to_upload:q} \
            {params.s3_bucket:q}/{wildcards.remote_filename:q} \
            {params.cloudfront_domain} 2>&1 | tee {output}
        """

rule archive:
    input:
        file_to_upload=lambda w: files_to_upload[w.remote_filename],
        upload_single_touchfile="data/{database}/{remote_filename}.upload",
    output:
        "data/{database}/{remote_filename}.archive",
    benchmark:
        "benchmarks/archive_{database}_{remote_filename}.txt"
    params:
        s3_bucket=config.get("s3_archive_dst", ""),
    shell:
        """
        if grep -Fq "files are identical, skipping upload" {input.upload_single_touchfile:q}; then
            echo "files are identical, skipping archive" | tee {output}
        else
            ./bin/archive-to-s3 \
                {input.file_to_upload:q} \
                {params.s3_bucket:q} \
                {wildcards.remote_filename:q} 2>&1 | tee {output}
        fi
        """

rule remove_rerun_touchfile:
    """
    Remove the rerun touchfile if such a file is present
    """
    input:
        f"data/{database}/{{remote_filename}}.upload",
    output:
        f"data/{database}/{{remote_filename}}.renew.deleted",
    benchmark:
        f"benchmarks/remove_rerun_touchfile_{database}_{{remote_filename}}.txt"
    params:
        dst_rerun_touchfile=config["s3_dst"] + "/{remote_filename}.renew",
    shell:
        """
        aws s3 rm {params.dst_rerun_touchfile:q} || echo "No rerun touchfile {params.dst_rerun_touchfile:q} to remove or failed to remove"
        touch {output}
        """


def should_move_processed_gisaid_tars():
    return (
        database == "gisaid"
        and config.get("fetch_from_database", False)
        and config.get("s3_src")
        and config.get("s3_dst")
        and config["s3_src"] == config["s3_dst"]
    )


rule mv_all_processed_gisaid_tars:
    """
    Compress and move all processed tars from /unprocessed to /processed on S3.
    Compresses with zstd before moving to save storage costs.
    Only runs after successful upload, reads manifest to know which files to move.
    Skips if this is a trial run (s3_src != s3_dst).
    """
    input:
        ndjson_flag="data/gisaid/gisaid.ndjson.zst.upload",
        manifest="data/gisaid/tar-processed-manifest.txt",
    output:
        flag=touch("data/mv-processed/all-gisaid-tars.done")
    params:
        s3_dst=f"{config['s3_dst']}/gisaid-tars/processed/",
        s3_src=f"{config['s3_src']}/gisaid-tars/unprocessed/",
    shell:
        r"""
        if [[ ! -s {input.manifest:q} ]]; then
            echo "No tars to move (empty manifest)"
            exit 0
        fi

        while IFS= read -r tar_name; do
            echo "Compressing and moving $tar_name to processed/"
            aws s3 cp -- "{params.s3_src}$tar_name" - \
                | zstd \
                | aws s3 cp - "{params.s3_dst}$tar_name.zst" \
                && aws s3 rm -- "{params.s3_src}$tar_name" \
                && echo "  Moved $tar_name -> $tar_name.zst"
        done < {input.manifest:q}
        """


rule upload:
    """
    Requests one touch file for each uploaded remote file
    Dynamically determines that list of files
    """
    input:
        uploads = [f"data/{database}/{remote_file}.upload" for remote_file in files_to_upload.keys()],
        archive = archive_targets,
        touchfile_removes=[
            f"data/{database}/{remote_file}.renew.deleted" for remote_file in [
                "nextclade.tsv.zst",
            ]
        ],
        mv_processed=["data/mv-processed/all-gisaid-tars.done"] if should_move_processed_gisaid_tars() else [],
    output:
        touch(f"data/{database}/upload.done")
    benchmark:
        f"benchmarks/upload_{database}.txt"
