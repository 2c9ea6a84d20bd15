"""
This part of the workflow handles all rules related to NextClade.
Depends on the main Snakefile to define the variable `database`, which is NOT a wildcard.

We run Nextclade on the sars-cov-2 dataset to align sequences and assign clades.

Expects the following inputs:
    fasta = "data/{database}/sequences.fasta"
    existing_metadata = f"data/{database}/metadata_transformed.tsv"

    OPTIONAL INPUTS
    If not downloading NextClade cache files from AWS S3 (not providing `s3_dst` and `s3_src` in config),
    then empty cache file will be generated. Users can optionally include local
    cache files to satisfy the Snakemake input requirements:
        old_info = f"data/{database}/nextclade_old.tsv"
        old_alignment = f"data/{database}/nextclade.aligned.old.fasta"

Produces the following outputs:
    metadata = f"data/{database}/metadata.tsv"
    OPTIONAL OUTPUTS
    If there are new sequences not in the nextclade.tsv cache, the they will
    be run through NextClade to produce the following outputs:
        nextclade_info = f"data/{database}/nextclade.tsv"
        alignment = f"data/{database}/aligned.fasta"
"""


wildcard_constraints:
    seqtype="aligned|translation_[^.]+",


rule create_empty_nextclade_info:
    """Creating empty NextClade info cache file"""
    output:
        touch(f"data/{database}/nextclade_old.tsv"),
    benchmark:
        f"benchmarks/create_empty_nextclade_info_{database}.txt"


rule create_empty_nextclade_aligned:
    """Creating empty NextClade aligned cache file"""
    output:
        touch(f"data/{database}/nextclade.aligned.old.fasta"),
        *[
            touch(f"data/{database}/nextclade.translation_{gene}.old.fasta")
            for gene in GENE_LIST
        ],
    benchmark:
        f"benchmarks/create_empty_nextclade_aligned_{database}.txt"


# Only include rules to fetch from S3 if S3 config params are provided
if config.get("s3_dst") and config.get("s3_src"):

    # Set ruleorder since these rules have the same output
    # Allows us to only download the NextClade cache from S3 only if the
    # S3 parameters are provided in the config.
    ruleorder: download_nextclade_tsv_from_s3 > create_empty_nextclade_info
    ruleorder: download_previous_alignment_from_s3 > create_empty_nextclade_aligned


    rule use_nextclade_cache:
        input:
            nextclade="data/nextclade",
            nextclade_dataset="data/nextclade_data/sars-cov-2.zip",
        params:
            dst_source=config["s3_dst"],
            src_source=config["s3_src"],
        output:
            use_nextclade_cache=f"data/{database}/use_nextclade_cache.txt",
        shell:
            """
            ./bin/use-nextclade-cache \
                {params.dst_source:q} \
                {params.src_source:q} \
                {input.nextclade:q} \
                {input.nextclade_dataset:q} \
                > {output.use_nextclade_cache}
            """


    rule download_nextclade_tsv_from_s3:
        """
        If there's a .renew touchfile, do not use the cache
        """
        input:
            use_nextclade_cache=f"data/{database}/use_nextclade_cache.txt",
        params:
            dst_source=config["s3_dst"] + "/nextclade.tsv.zst",
            src_source=config["s3_src"] + "/nextclade.tsv.zst",
            lines=config.get("subsample", {}).get("nextclade", 0),
        output:
            nextclade=f"data/{database}/nextclade_old.tsv",
        benchmark:
            f"benchmarks/download_nextclade_tsv_from_s3_{database}.txt"
        shell:
            """
            use_nextclade_cache=$(cat {input.use_nextclade_cache})

            if [[ "$use_nextclade_cache" == 'true' ]]; then
                echo "[INFO] Downloading cached nextclade.tsv.zst"
                ./shared/vendored/scripts/download-from-s3 {params.dst_source} {output.nextclade} {params.lines} ||  \
                ./shared/vendored/scripts/download-from-s3 {params.src_source} {output.nextclade} {params.lines}
            else
                echo "[INFO] Ignoring cached nextclade.tsv.zst"
                touch {output.nextclade}
            fi
            """

    rule download_previous_alignment_from_s3:
        ## NOTE two potential bugs with this implementation:
        ## (1) race condition. This file may be updated on the remote after download_nextclade has run but before this rule
        ## (2) we may get `download_nextclade` and `download_previous_alignment` from different s3 buckets
        input:
            use_nextclade_cache=f"data/{database}/use_nextclade_cache.txt",
        params:
            dst_source=config["s3_dst"] + "/{seqtype}.fasta.zst",
            src_source=config["s3_src"] + "/{seqtype}.fasta.zst",
            lines=config.get("subsample", {}).get("nextclade", 0),
        output:
            alignment=temp(f"data/{database}/nextclade.{{seqtype}}.old.fasta"),
        benchmark:
            f"benchmarks/download_previous_alignment_from_s3_{database}{{seqtype}}.txt"
        shell:
            """
            use_nextclade_cache=$(cat {input.use_nextclade_cache})

            if [[ "$use_nextclade_cache" == 'true' ]]; then
                echo "[INFO] Downloading cached Nextclade {wildcards.seqtype}.fasta.zst"
                ./shared/vendored/scripts/download-from-s3 {params.dst_source} {output.alignment} {params.lines} ||  \
                ./shared/vendored/scripts/download-from-s3 {params.src_source} {output.alignment} {params.lines}
            else
                echo "[INFO] Ignoring cached Nextclade {wildcards.seqtype}.fasta.zst"
                touch {output.alignment}
            fi
            """

rule get_sequences_without_nextclade_annotations:
    """Find sequences in FASTA which don't have clades assigned yet"""
    input:
        fasta=f"data/{database}/sequences.fasta",
        nextclade=f"data/{database}/nextclade_old.tsv",
    output:
        fasta=f"data/{database}/nextclade.sequences.fasta",
    benchmark:
        f"benchmarks/get_sequences_without_nextclade_annotations_{database}.txt"
    shell:
        """
        if [[ -s {input.nextclade} ]]; then
            ./bin/filter-fasta \
                --input_fasta={input.fasta} \
                --input_tsv={input.nextclade} \
                --output_fasta={output.fasta}
        else
            ln {input.fasta} {output.fasta}
        fi
        echo "[ INFO] Number of sequences to run Nextclade on: $(grep -c '^>' {output.fasta})"
        """


rule download_nextclade_executable:
    """Download Nextclade"""
    output:
        nextclade="data/nextclade",
    benchmark:
        f"benchmarks/download_nextclade_executable_{database}.txt"
    shell:
        """
        if [ "$(uname)" = "Darwin" ]; then
            curl -fsSL "https://github.com/nextstrain/nextclade/releases/latest/download/nextclade-x86_64-apple-darwin" -o {output.nextclade:q}

        else
            curl -fsSL "https://github.com/nextstrain/nextclade/releases/latest/download/nextclade-x86_64-unknown-linux-gnu" -o {output.nextclade:q}
        fi
        chmod +x {output.nextclade:q}

        if ! command -v {output.nextclade:q} &>/dev/null; then
            echo "[ERROR] Nextclade executable not found"
            exit 1
        fi

        NEXTCLADE_VERSION="$({output.nextclade:q} --version)"
        echo "[ INFO] Nextclade version: $NEXTCLADE_VERSION"
        """


rule download_nextclade_dataset:
    """Download Nextclade dataset"""
    input:
        nextclade="data/nextclade",
    output:
        dataset="data/nextclade_data/{dataset_name}.zip",
    benchmark:
        f"benchmarks/download_nextclade_dataset_{database}_{{dataset_name}}.txt"
    shell:
        """
        {input.nextclade:q} dataset get --name="{wildcards.dataset_name}" --output-zip={output.dataset} --verbose
        """


rule run_wuhan_nextclade:
    """
    Runs nextclade on sequences which were not in the previously cached nextclade run.
    This alignes sequences, assigns clades and calculates some of the other useful
    metrics which will ultimately end up in metadata.tsv.
    """
    input:
        nextclade_path="data/nextclade",
        dataset="data/nextclade_data/sars-cov-2.zip",
        sequences=f"data/{database}/nextclade.sequences.fasta",
    params:
        translation_arg=lambda w: (
            f"--output-translations=data/{database}/nextclade.translation_{{cds}}.upd.fasta"
        ),
    output:
        info=f"data/{database}/nextclade_new_raw.tsv",
        alignment=temp(f"data/{database}/nextclade.aligned.upd.fasta"),
        translations=[
            temp(f"data/{database}/nextclade.translation_{gene}.upd.fasta")
            for gene in GENE_LIST
        ],
    threads:
        workflow.cores * 0.5
    benchmark:
        f"benchmarks/run_wuhan_nextclade_{database}.txt"
    shell:
        """
        ./{input.nextclade_path} run \
        -j {threads} \
        {input.sequences}\
        --input-dataset={input.dataset} \
        --output-tsv={output.info} \
        {params.translation_arg} \
        --output-fasta={output.alignment}
        """


rule nextclade_tsv_concat_versions:
    input:
        nextclade="data/nextclade",
        tsv=f"data/{database}/nextclade_new_raw.tsv",
        dataset="data/nextclade_data/sars-cov-2.zip",
    output:
        tsv=f"data/{database}/nextclade_new.tsv",
    benchmark:
        f"benchmarks/nextclade_tsv_concat_versions_{database}.txt"
    shell:
        """
        if [ -s {input.tsv} ]; then
            # Get version numbers
            nextclade_version="$({input.nextclade:q} --version)"
            dataset_version="$(unzip -p {input.dataset} pathogen.json | jq -r '.version.tag')"
            timestamp="$(date -u +"%Y-%m-%dT%H:%M:%SZ")"

            # Combine input file with version numbers and write to output
            printf "%s\tnextclade_version\tdataset_version\trun_timestamp\n" \
                "$(head -n 1 {input.tsv})" \
                > {output.tsv}

            tail -n +2 {input.tsv} | \
            awk -v v1="$nextclade_version" \
                -v v2="$dataset_version" \
                -v v3="$timestamp" \
                -v OFS='\t' '{{print $0, v1, v2, v3}}' \
                >> {output.tsv}
        else
            cp {input.tsv} {output.tsv}
        fi
        """


rule nextclade_info:
    """
    Generates nextclade info TSV for all sequences (new + old)
    """
    input:
        old_info=f"data/{database}/nextclade_old.tsv",
        new_info=rules.nextclade_tsv_concat_versions.output.tsv,
    output:
        nextclade_info=f"data/{database}/nextclade.tsv",
    benchmark:
        f"benchmarks/nextclade_info_{database}.txt"
    shell:
        """
        tsv-append -H {input.old_info} {input.new_info} \
        | tsv-uniq -H -f seqName > {output.nextclade_info}
        """


rule nextclade_version_json:
    """
    Generates a version JSON for the Nextclade TSV.
    """
    input:
        nextclade_path="data/nextclade",
        nextclade_dataset="data/nextclade_data/sars-cov-2.zip",
        nextclade_tsv=f"data/{database}/nextclade.tsv",
    output:
        nextclade_version_json=f"data/{database}/nextclade_version.json",
    shell:
        """
        ./bin/generate-nextclade-version-json \
            {input.nextclade_path} \
            {input.nextclade_dataset} \
            {input.nextclade_tsv} \
            > {output.nextclade_version_json}
        """


rule combine_alignments:
    """
    Generating full alignment by combining newly aligned sequences with previous (cached) alignment
    """
    input:
        old_alignment=f"data/{database}/nextclade.{{seqtype}}.old.fasta",
        new_alignment=f"data/{database}/nextclade.{{seqtype}}.upd.fasta",
    output:
        alignment=f"data/{database}/{{seqtype}}.fasta",
    # Not using benchmark for this rule because the inputs potentially get
    # renamed to output which could lead to error described in
    # <https://github.com/nextstrain/ncov-ingest/issues/524>
    #     -Jover, 30 March 2026
    params:
        keep_temp=config.get("keep_temp", "false"),
    shell:
        """
        if [[ -s {input.old_alignment} ]]; then
            if [[ "{params.keep_temp}" == "True" ]]; then
                cp {input.old_alignment} {output.alignment}
            else
                mv {input.old_alignment} {output.alignment}
            fi
            cat {input.new_alignment} >> {output.alignment}
        elif [[ "{params.keep_temp}" == "True" ]]; then
            cp {input.new_alignment} {output.alignment}
        else
            mv {input.new_alignment} {output.alignment}
        fi
        """


rule generate_metadata:
    input:
        nextclade_tsv=f"data/{database}/nextclade.tsv",
        existing_metadata=f"data/{database}/metadata_transformed.tsv",
        clade_legacy_mapping="defaults/clade-legacy-mapping.yml",
    output:
        metadata=temp(f"data/{database}/metadata_without_clock_deviation.tsv"),
    benchmark:
        f"benchmarks/generate_metadata_{database}.txt"
    shell:
        """
        ./bin/join-metadata-and-clades \
            --metadata {input.existing_metadata} \
            --nextclade-tsv {input.nextclade_tsv} \
            --clade-legacy-mapping {input.clade_legacy_mapping} \
            -o {output.metadata}
        """


rule compute_clock_deviation:
    input:
        metadata=f"data/{database}/metadata_without_clock_deviation.tsv",
    output:
        metadata=f"data/{database}/metadata.tsv",
    benchmark:
        f"benchmarks/compute_clock_deviation_{database}.txt"
    shell:
        """
        ./bin/compute-clock-deviation \
            --metadata {input.metadata} \
            -o {output.metadata}
        """


rule metadata_version_json:
    """
    Generates the metadata version JSON by adding the metadata TSV sha256sum
    to the Nextclade version JSON.
    """
    input:
        metadata=f"data/{database}/metadata.tsv",
        nextclade_version_json=f"data/{database}/nextclade_version.json",
    output:
        metadata_version_json=f"data/{database}/metadata_version.json",
    shell:
        """
        metadata_tsv_sha256sum="$(./shared/vendored/scripts/sha256sum < {input.metadata})"

        cat {input.nextclade_version_json} \
            | jq -c --arg METADATA_TSV_SHA256SUM "$metadata_tsv_sha256sum" \
                '.metadata_tsv_sha256sum = $METADATA_TSV_SHA256SUM' \
                > {output.metadata_version_json}
        """
