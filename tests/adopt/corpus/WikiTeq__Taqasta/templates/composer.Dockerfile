# Copy core, skins and extensions
COPY --from=core $MW_HOME $MW_HOME
COPY --from=skins $MW_HOME/skins $MW_HOME/skins

# Copy from extensions stages
{{- $allExtensions := (ds "values").extensions -}}
{{- $extensions := coll.Slice -}}
{{- range $ext := $allExtensions -}}
  {{- range $name, $details := $ext -}}
    {{- if not (index $details "bundled") -}}
      {{- $extensions = $extensions | append $ext -}}
    {{- end -}}
  {{- end -}}
{{- end -}}
{{- $groupSize := 30 -}}
{{- $total := len $extensions -}}
{{- $groupCount := div (add $total (sub $groupSize 1)) $groupSize -}}
{{- range $groupIndex := seq 0 (sub $groupCount 1) -}}
  {{- $start := mul $groupIndex $groupSize -}}
  {{- $end := add $start $groupSize -}}
  {{- if gt $end $total -}}
    {{- $end = $total -}}
  {{- end }}
# Extensions group {{ add $groupIndex 1 }} ({{ add $start 1 }}-{{ $end }})
COPY --from=extensions{{ add $start 1 }}-{{ $end }} $MW_HOME/extensions/ $MW_HOME/extensions/
{{- end }}

################# Patches #################

{{ $allPatches := (ds "values").patches -}}
{{- range $patch := $allPatches -}}
  {{- $name := index $patch "name" -}}
  {{- $path := index $patch "path" -}}
COPY _sources/patches/{{ $name }} /tmp/{{ $name }}
RUN set -x; \
	cd $MW_HOME/{{ $path }} && \
	git apply /tmp/{{ $name }}
{{ end }}

# Cleanup all .git leftovers
RUN set -x; \
	cd $MW_HOME/extensions && \
	find . \( -name ".git" -o -name ".gitignore" -o -name ".gitmodules" -o -name ".gitattributes" \) -exec rm -rf -- {} +

# Composer dependencies
COPY _sources/configs/composer.wikiteq.json $MW_HOME/composer.local.json

# merge-plugin and composer/installers must run as root during docker build
# Run with secret mounted to /run/secrets/COMPOSER_TOKEN
# This is needed to bypass rate limits
RUN --mount=type=secret,id=COMPOSER_TOKEN cd $MW_HOME && \
	export COMPOSER_ALLOW_SUPERUSER=1 && \
	cp composer.json composer.json.bak && \
	cat composer.json.bak | jq '. + {"minimum-stability": "dev"}' > composer.json && \
	rm composer.json.bak && \
	cp composer.json composer.json.bak && \
	cat composer.json.bak | jq '. + {"prefer-stable": true}' > composer.json && \
	rm composer.json.bak && \
	composer clear-cache && \
	# configure auth
	if [ -f "/run/secrets/COMPOSER_TOKEN" ]; then composer config -g github-oauth.github.com $(cat /run/secrets/COMPOSER_TOKEN); fi && \
	composer update --no-dev --with-dependencies && \
	composer clear-cache && \
	# deauth
	composer config -g --unset github-oauth.github.com

# Move files around
RUN set -x; \
	# Move files to $MW_ORIGIN_FILES directory
	mv $MW_HOME/images $MW_ORIGIN_FILES/ && \
	mv $MW_HOME/cache $MW_ORIGIN_FILES/ && \
	# Create symlinks from $MW_VOLUME to the wiki root for images and cache directories
	ln -s $MW_VOLUME/images $MW_HOME/images && \
	ln -s $MW_VOLUME/cache $MW_HOME/cache
