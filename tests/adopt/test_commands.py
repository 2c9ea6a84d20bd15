"""What a command line does: opsctl.adopt.commands, rule by rule."""

from __future__ import annotations

import pytest

from opsctl.adopt.commands import (
    call_text,
    classify_argv,
    classify_command_string,
    classify_sql,
    looks_like_credential,
)

DESTRUCTIVE = [
    # the eighty-third set: a batch system's jobs ended, a database copied over another or reset,
    # a map import put in place of the production tables, a layer overwritten, a schema cleaned
    ("condor_rm", "condor_rm 1234"), ("qdel", "qdel 5.pbs01"), ("bkill", "bkill 77"), ("scancel", "scancel -u bob"),
    ("heroku pg:copy", "heroku pg:copy app::DATABASE_URL DATABASE_URL -a staging --confirm staging"),
    ("heroku pg:reset", "heroku pg:reset DATABASE -a app --confirm app"),
    ("imposm -deployproduction", "imposm import -config c.json -write -deployproduction"),
    ("ogr2ogr -overwrite", "ogr2ogr -overwrite -f PostgreSQL PG:dbname=gis water.shp"),
    ("ogr2ogr OVERWRITE=YES", "ogr2ogr -f PostgreSQL PG:dbname=gis lakes.shp -lco OVERWRITE=YES"),
    ("flyway clean", "flyway -url=jdbc:postgresql://db/x clean"),
    # the eighty-first set: a package repository's removals, a saved network connection deleted
    ("repo-remove from a repository database", "repo-remove core.db.tar.gz linux-lts"),
    ("reprepro remove", "reprepro -b /srv/repo remove bookworm nginx"),
    ("reprepro deleteunreferenced", "reprepro --basedir=/srv/repo deleteunreferenced"),
    ("aptly repo remove", "aptly repo remove main 'nginx (<< 1.24)'"),
    ("aptly snapshot drop", "aptly snapshot drop nightly-2024-01-01"),
    ("aptly db cleanup", "aptly db cleanup"),
    ("nmcli connection delete", "nmcli connection delete tinypilot-wlan0"),
    ("nmcli c del with fields", "nmcli -t -f NAME c del home-wifi"),
    ("git update-ref -d of a branch", "git update-ref -d refs/heads/main"),
    ("pt-archiver moves rows out", "pt-archiver --source h=db,D=nova,t=instances --dest t=shadow_instances --where 'deleted!=0'"),

    ("s6 supervision tree terminated", "s6-svscanctl -t /run/service"),

    ("dpkg purge", "dpkg -P yarn"),

    ("rm", "rm x"),
    ("rm -rf", "rm -rf /var/lib/app"),
    ("kill -9", "kill -9 1234"),
    ("kill", "kill $PID"),
    ("pkill", "pkill -f worker"),
    ("killall", "killall nginx"),
    ("kill -s TERM", "kill -s TERM 1234"),
    ("truncate -s 0", "truncate -s 0 /var/log/app.log"),
    ("rm -fr", "rm -fr data"),
    ("rm --recursive", "rm --recursive --force /srv/build"),
    ("mkdocs gh-deploy --force", "mkdocs gh-deploy --force"),
    ("shred", "shred -u secret.txt"),
    ("unlink", "unlink /etc/app.conf"),
    ("truncate", "truncate -s 0 /var/log/app.log"),
    ("dd of=", "dd if=/dev/zero of=/dev/sdb bs=1M"),
    ("mkfs.ext4", "mkfs.ext4 /dev/sdb1"),
    ("mkfs -t", "mkfs -t xfs /dev/sdc"),
    ("wipefs -a", "wipefs -a /dev/sdb"),
    ("fdisk", "fdisk /dev/sdb"),
    ("sgdisk -d deletes a partition", "sgdisk -d 1 /dev/sda"),
    ("virsh vol-delete", "virsh vol-delete node-1.qcow2 --pool default"),
    ("virsh net-undefine", "virsh net-undefine brbm"),
    ("virsh undefine", "virsh -c qemu:///system undefine vm1"),
    ("sgdisk -Z zaps the tables", "sgdisk -Z /dev/sda"),
    ("parted rm", "parted -s /dev/sda rm 1"),
    ("parted mklabel", "parted -s /dev/sda mklabel gpt"),
    ("parted mklabel", "parted -s /dev/sdb mklabel gpt"),
    ("kubectl delete", "kubectl delete namespace staging"),
    ("kubectl -n delete", "kubectl -n prod delete pod web-1"),
    ("kubectl --context= delete", "kubectl --context=prod delete deploy/web"),
    ("kubectl drain", "kubectl drain node-1 --ignore-daemonsets"),
    ("kubectl replace --force", "kubectl replace --force -f pod.yaml"),
    ("kubectl apply --prune", "kubectl apply --prune -l app=web -f dir/"),
    ("oc delete", "oc delete project demo"),
    ("helm uninstall", "helm uninstall web -n prod"),
    ("helm delete", "helm delete --purge web"),
    ("terraform destroy", "terraform destroy -auto-approve"),
    ("terraform apply -destroy", "terraform apply -destroy -auto-approve"),
    ("terraform -chdir destroy", "terraform -chdir=infra destroy"),
    ("terraform state rm", "terraform state rm aws_instance.web"),
    ("terraform workspace delete", "terraform workspace delete old"),
    ("terragrunt destroy", "terragrunt destroy"),
    ("terragrunt run-all destroy", "terragrunt run-all destroy"),
    ("tofu destroy", "tofu destroy"),
    ("pulumi destroy", "pulumi destroy --yes"),
    ("pulumi stack rm", "pulumi stack rm dev"),
    ("git push --force", "git push --force origin main"),
    ("git push -f", "git push -f origin main"),
    ("git push -fu", "git push -fu origin main"),
    ("git push --force-with-lease", "git push --force-with-lease=main origin main"),
    ("git push --mirror", "git push --mirror backup"),
    ("git push --delete", "git push --delete origin old"),
    ("git push -d", "git push -d origin old"),
    ("git push origin :branch", "git push origin :old-branch"),
    ("git push origin +ref", "git push origin +main"),
    ("git -C dir push -f", "git -C /srv/repo push -f"),
    ("git reset --hard", "git reset --hard origin/main"),
    ("git clean -fd", "git clean -fd"),
    ("git clean -fdx", "git clean -fdx"),
    ("git clean -f", "git clean -f"),
    ("git branch -D", "git branch -D feature"),
    ("git tag -d", "git tag -d v1.0"),
    ("git checkout -- .", "git checkout -- ."),
    ("git checkout .", "git checkout ."),
    ("git restore", "git restore src/"),
    ("git filter-branch", "git filter-branch --tree-filter x HEAD"),
    ("docker rm", "docker rm -f web"),
    ("docker rmi", "docker rmi app:old"),
    ("docker image rm", "docker image rm app:old"),
    # every container of the host, whoever runs it
    ("docker stop every container", "docker stop $(docker ps -q)"),
    ("docker kill every container", "docker kill $(docker ps -aq)"),
    ("docker container stop every container", "docker container stop $(docker container ls -q)"),
    ("podman stop every container", "podman stop $(podman ps -q)"),
    ("podman machine rm", "podman machine rm -f"),
    ("docker image prune", "docker image prune -af"),
    ("docker system prune", "docker system prune -af --volumes"),
    ("docker volume rm", "docker volume rm data"),
    ("docker volume prune", "docker volume prune -f"),
    ("docker network rm", "docker network rm backend"),
    ("docker compose down -v", "docker compose down -v"),
    # the project's containers and networks removed (volumes kept): what ran is gone
    ("docker compose down", "docker compose down"),
    ("docker-compose rm", "docker-compose rm -f"),
    ("podman rm", "podman rm web"),
    ("aws s3 rm", "aws s3 rm s3://bucket/key"),
    ("aws s3 rm --recursive", "aws --profile prod s3 rm s3://bucket --recursive"),
    ("aws s3 rb", "aws s3 rb s3://bucket --force"),
    ("aws s3 sync --delete", "aws s3 sync ./site s3://bucket --delete"),
    ("aws s3api delete-object", "aws s3api delete-object --bucket b --key k"),
    ("aws ec2 terminate-instances", "aws ec2 terminate-instances --instance-ids i-1"),
    ("aws rds delete-db-instance", "aws rds delete-db-instance --db-instance-identifier db"),
    ("aws ecr batch-delete-image", "aws ecr batch-delete-image --repository-name r"),
    ("aws sqs purge-queue", "aws sqs purge-queue --queue-url u"),
    ("aws elb deregister", "aws elb deregister-instances-from-load-balancer --load-balancer-name x"),
    ("aws --region x iam remove", "aws --region eu-west-1 iam remove-role-from-instance-profile"),
    ("gcloud delete", "gcloud compute instances delete web-1 --zone us-central1-a"),
    ("gcloud --project delete", "gcloud --project=p sql instances delete db"),
    ("gcloud storage rm", "gcloud storage rm gs://bucket/x"),
    ("gsutil rm", "gsutil -m rm -r gs://bucket/x"),
    ("gsutil rb", "gsutil rb gs://bucket"),
    ("gsutil rsync -d", "gsutil rsync -d -r dir gs://bucket"),
    ("az delete", "az group delete --name rg --yes"),
    ("az storage delete-batch", "az storage blob delete-batch -s c"),
    ("openstack delete", "openstack server delete web"),
    ("doctl delete", "doctl compute droplet delete web -f"),
    ("redis-cli flushall", "redis-cli -h cache FLUSHALL"),
    ("redis-cli flushdb", "redis-cli -n 2 flushdb"),
    ("redis-cli del", "redis-cli DEL session:1"),
    ("mongo drop", "mongo app --eval 'db.users.drop()'"),
    ("mongosh deleteMany", "mongosh --eval 'db.logs.deleteMany({})'"),
    ("dropdb", "dropdb app_test"),
    ("dropuser", "dropuser bob"),
    ("rsync --delete", "rsync -av --delete src/ host:/dst/"),
    ("rsync --delete-after", "rsync -a --delete-after src/ dst/"),
    ("find -delete", "find /tmp -name '*.log' -mtime +7 -delete"),
    ("find -exec rm", "find . -name '*.log' -exec rm -f {} ;"),
    ("find -exec rm +", "find . -type f -exec rm {} +"),
    ("crontab -r", "crontab -r"),
    ("userdel", "userdel -r bob"),
    ("iptables -F", "iptables -F"),
    ("iptables --flush", "iptables -t nat --flush"),
    ("shutdown", "shutdown -h now"),
    ("systemctl poweroff", "systemctl poweroff"),
    ("init 0", "init 0"),
    ("ovs-ofctl del-flows", "ovs-ofctl -O OpenFlow13 del-flows br0 cookie=0x1/-1"),
    ("ovs-vsctl del-br", "ovs-vsctl --if-exists del-br br-ex"),
    ("oc adm prune --confirm", "oc adm prune images --keep-younger-than 60m --confirm"),
    ("oc adm drain", "oc adm drain node-1 --ignore-daemonsets"),
    ("apt-get purge", "apt-get purge -y nginx"),
    ("lvremove", "lvremove -f vg/lv"),
    ("zfs destroy", "zfs destroy -r tank/data"),
    ("vault kv delete", "vault kv delete secret/app"),
    ("consul kv delete", "consul kv delete -recurse app/"),
    ("etcdctl del", "etcdctl del --prefix /app"),
    ("gh repo delete", "gh repo delete org/repo --yes"),
    ("rclone purge", "rclone purge remote:bucket"),
    ("s3cmd del", "s3cmd del s3://bucket/x"),
    ("mc rm", "mc rm --recursive --force local/bucket"),
    ("pg_restore --clean", "pg_restore --clean -d app dump.sql"),
    ("mysqladmin drop", "mysqladmin -u root drop app"),
    ("mongorestore --drop", "mongorestore --drop dump/"),
    ("bq rm", "bq rm -f dataset.table"),
    ("kind delete cluster", "kind delete cluster --name ci"),
    ("minikube delete", "minikube delete --all"),
    ("eksctl delete", "eksctl delete cluster --name prod"),
    ("kubeadm reset", "kubeadm reset -f"),
    ("gcloud untag", "gcloud container images untag gcr.io/p/a:old"),
    ("manage.py flush", "python manage.py flush --noinput"),
    ("alembic downgrade", "alembic downgrade -1"),
    ("az deployment --mode Complete (deletes what the template does not name)",
     "az group deployment create -g rg --template-file clear.json --mode Complete"),
    ("az acr run acr purge", "az acr run --cmd 'acr purge --filter app:.* --ago 7d' -r reg /dev/null"),
    ("az acr task scheduling acr purge",
     "az acr task create -n nightly --cmd 'acr purge --untagged --ago 1d' --schedule '0 0 * * *'"),
    ("dscl deletepl", "dscl . deletepl /Users/bob accountPolicyData history"),
    ("dscl -delete", "dscl . -delete /Users/bob"),
]


@pytest.mark.parametrize("command", [c for _, c in DESTRUCTIVE], ids=[i for i, _ in DESTRUCTIVE])
def test_destructive_commands(command: str) -> None:
    effect = classify_command_string(command, line=7)
    assert len(effect) == 1
    assert effect[0].destructive is True
    assert effect[0].kind == "command"
    assert effect[0].line == 7
    assert effect[0].confidence == "high"


@pytest.mark.parametrize(("command", "destructive"), [
    ("/usr/local/bin/pgo-rmdata -pg-cluster=$C -remove-data=$REMOVE_DATA", True),
    ("backup-tool --delete-old --keep 7", True),
    ("frobnicate --delete everything", True),
    ("backup-tool --remove-data=false", False),
    ("start-stop-daemon --stop --pidfile /run/x.pid --remove-pidfile", False),
    ("tox -e run -- --purge-own-project", False),  # the words after -- are another program's
    ("image-tool build --prune-cache", False),
])
def test_an_unknown_tool_told_to_delete_by_an_option(command: str, destructive: bool) -> None:
    effects = classify_command_string(command, line=1)
    assert [(e.destructive, e.confidence) for e in effects if e.destructive] == (
        [(True, "medium")] if destructive else [])


@pytest.mark.parametrize(("command", "verdict"), [
    ("/usr/sbin/logrotate /etc/logrotate.conf", True),  # logs past ``rotate N`` are removed
    ("logrotate -f /etc/logrotate.d/app", True),
    ("logrotate -d /etc/logrotate.conf", None),  # --debug: says what it would do, does nothing
    ("logrotate", None),
])
def test_logrotate_removes_logs_past_their_retention(command: str, verdict: bool | None) -> None:
    effects = classify_command_string(command, line=2)
    assert [(e.destructive, e.confidence) for e in effects] == (
        [] if verdict is None else [(True, "medium")])


@pytest.mark.parametrize(("command", "verdict"), [
    ("java -cp $CLASSPATH $JVMFLAGS org.apache.zookeeper.server.PurgeTxnLog $DATA -n 3", True),
    ("java -Dlog.dir=/var/log com.example.DeleteExpiredSessions", True),
    ("java -jar purge.jar", None),
    ("java -cp lib/* com.example.Server", None),
])
def test_a_java_main_class_named_for_deleting(command: str, verdict: bool | None) -> None:
    effects = classify_command_string(command, line=2)
    assert [(e.destructive, e.confidence) for e in effects] == (
        [] if verdict is None else [(True, "medium")])


@pytest.mark.parametrize(("command", "destructive"), [
    ("cf curl -X DELETE /v3/apps/$guid", True),
    ("uaac curl /identity-providers/${idp_id} -X DELETE", True),
    ("credhub curl -p '/api/v1/data?name=/x' -X DELETE", True),
    ("cf curl /v3/apps/$guid/actions/stop -X POST", False),
    ("cf curl /v3/apps", None),
    ("uaac curl /Users", None),
])
def test_a_platform_clis_raw_api_call_is_read_as_curl(command: str, destructive: bool | None) -> None:
    effects = classify_command_string(command, line=3)
    if destructive is None:
        assert effects == []
    else:
        assert [(e.kind, e.destructive, e.confidence) for e in effects] == [
            ("http", destructive, "medium")]


MUTATING = [
    ("imposm import without deploying", "imposm import -config c.json -write"),
    ("ogr2ogr into a new file", "ogr2ogr -f GeoJSON out.json in.shp"),
    ("flyway migrate", "flyway migrate"),
    ("lipo -remove into another file", "lipo -remove arm64 bin/x -output bin/x.tmp"),
    ("nmcli modify removes a setting", "nmcli connection modify wlan0 remove 802-11-wireless-security"),
    ("nmcli connection down", "nmcli c down wlan0"),
    ("reprepro includedeb", "reprepro -b /srv/repo includedeb bookworm nginx.deb"),
    ("aptly repo add", "aptly repo add main nginx.deb"),
    # (a remote-tracking ref is the remote's state cached: the next fetch writes it again)
    ("git update-ref -d of a remote-tracking ref", "git update-ref -d refs/remotes/origin/master"),
    # scaled to zero, a workload stops; its objects and volumes stay, and scaling up restores it
    ("kubectl scale --replicas=0", "kubectl scale deploy/web --replicas=0"),
    ("oc scale --replicas 0", "oc scale deployment -n ns --replicas 0 operator"),
    ("sgdisk moving the backup header", "sgdisk -e /dev/sda"),
    ("virsh vol-create-as", "virsh vol-create-as default node-1.qcow2 10G --format qcow2"),
    ("virsh net-define", "virsh net-define brbm.xml"),
    ("sgdisk adding a named partition", "sgdisk -n 0:-64MB:0 -c 0:config-2 /dev/sda"),
    ("parted adding a partition", "parted -a optimal -s -- /dev/sda mkpart primary fat32 -64MiB 100%"),
    ("pt-archiver copying only", "pt-archiver --source h=db,D=nova,t=x --dest t=y --no-delete --where 1=1"),

    ("s6 supervision tree rescanned", "s6-svscanctl -a /run/service"),

    ("dpkg remove, as apt's remove", "dpkg -r yarn"),
    ("dpkg install", "dpkg -i ./pkg_1.0_amd64.deb"),
    ("earlier packages in the build's dist folder", "rm -f ${DISTROOT}/pgadmin4*.deb"),
    ("a tarball in dist", "rm -f dist/${TARBALL_NAME}.tar.gz"),
    ("a folder named as the script's cache", "rm -rf $LOCAL_CACHE"),

    ("dscl -create", "dscl . -create /Users/bob UserShell /bin/zsh"),
    ("az acr task building an image", "az acr task create -n build --cmd 'docker build .' -r reg"),
    ("rmdir (removes only an empty folder: no data goes)", "rmdir /srv/app/artifacts"),
    ("az deployment in the default incremental mode", "az deployment group create -g rg --template-file a.json"),
    ("docker buildx rm (a builder, recreated)", "docker buildx rm --force kind-builder"),
    ("docker manifest rm (a local list)", "docker manifest rm registry/app:1.2"),
    ("docker buildx prune (the build cache)", "docker buildx prune -f --filter=until=30m"),
    ("docker builder prune (the build cache)", "docker builder prune -af"),
    ("mv", "mv a b"),
    ("cp", "cp -r a b"),
    ("ln -sf", "ln -sf /opt/app/current /opt/app/live"),
    ("chmod", "chmod 600 key"),
    ("chown", "chown -R app: /srv"),
    ("mkdir", "mkdir -p /srv/app"),
    ("touch", "touch /var/run/app.stamp"),
    ("tee", "tee /etc/app.conf"),
    ("tee -a", "tee -a log.txt"),
    ("sed -i", "sed -i 's/a/b/' file"),
    ("sed -i.bak", "sed -i.bak 's/a/b/' file"),
    ("sed --in-place", "sed --in-place -e 's/a/b/' file"),
    ("perl -pi -e", "perl -pi -e 's/a/b/' file"),
    ("kubectl apply", "kubectl apply -f manifests/"),
    ("kubectl create", "kubectl create namespace web"),
    ("kubectl patch", "kubectl patch deploy web -p '{}'"),
    ("kubectl scale", "kubectl scale deploy/web --replicas=3"),
    ("kubectl rollout restart", "kubectl rollout restart deploy/web"),
    ("kubectl annotate", "kubectl annotate pod web a=b"),
    ("kubectl label", "kubectl label node n1 role=db"),
    ("kubectl set image", "kubectl set image deploy/web web=app:2"),
    ("kubectl replace", "kubectl replace -f pod.yaml"),
    ("helm install", "helm install web ./chart"),
    ("helm upgrade --install", "helm upgrade --install web ./chart -n prod"),
    ("terraform apply", "terraform apply -auto-approve tfplan"),
    ("terraform import", "terraform import aws_instance.web i-1"),
    ("pulumi up", "pulumi up --yes"),
    ("git push", "git push origin main"),
    ("git push -u", "git push -u origin feature"),
    ("git commit", "git commit -am msg"),
    ("git tag", "git tag v1.2.3"),
    ("git merge", "git merge --no-ff feature"),
    ("git clone", "git clone https://example.com/repo.git"),
    ("git pull", "git pull --rebase"),
    ("git checkout branch", "git checkout main"),
    ("git branch -d", "git branch -d merged"),
    ("docker push", "docker push registry/app:1"),
    ("docker build", "docker build -t app ."),
    ("docker run", "docker run --rm -v /data:/data app"),
    ("docker stop", "docker stop web"),
    ("podman machine init", "podman machine init --rootful"),
    ("docker stop of the containers a filter names", "docker stop $(docker ps -q --filter name=test-)"),
    ("docker tag", "docker tag app registry/app:1"),
    ("docker compose up", "docker compose up -d"),
    ("aws s3 cp", "aws s3 cp file s3://bucket/"),
    ("aws s3 mv", "aws s3 mv s3://a/x s3://b/x"),
    ("aws s3 sync", "aws s3 sync ./site s3://bucket"),
    ("aws create", "aws ec2 create-snapshot --volume-id v"),
    ("aws put", "aws s3api put-object --bucket b --key k"),
    ("aws update", "aws ecs update-service --force-new-deployment --service s"),
    ("aws modify", "aws rds modify-db-instance --db-instance-identifier d"),
    ("aws run-instances", "aws ec2 run-instances --image-id ami-1"),
    ("aws start", "aws ec2 start-instances --instance-ids i-1"),
    ("aws stop", "aws ec2 stop-instances --instance-ids i-1"),
    ("gcloud create", "gcloud compute instances create web"),
    ("gcloud deploy", "gcloud app deploy app.yaml"),
    ("gcloud run deploy", "gcloud run deploy web --image x"),
    ("az create", "az vm create -g rg -n vm"),
    ("pip install", "pip install -r requirements.txt"),
    ("apt-get install", "apt-get install -y nginx"),
    ("apt-get remove", "apt-get remove -y nginx"),
    ("yum install", "yum -y install httpd"),
    ("systemctl restart", "systemctl restart nginx"),
    # a reboot: the machine comes back, as a restarted service does
    ("reboot", "reboot"),
    ("systemctl reboot", "systemctl reboot"),
    ("shutdown -r", "shutdown -r now"),
    ("init 6", "init 6"),
    ("ovs-vsctl add-port", "ovs-vsctl add-port br0 eth1"),
    ("telinit 6", "telinit 6"),
    ("systemctl enable --now", "systemctl enable --now app"),
    ("systemctl disable", "systemctl disable app"),
    ("systemctl mask", "systemctl mask app"),
    ("service restart", "service nginx restart"),
    ("init.d restart", "/etc/init.d/nginx restart"),
    ("ansible-playbook", "ansible-playbook -i inv site.yml"),
    ("scp", "scp file host:/tmp/"),
    ("rsync", "rsync -av src/ host:/dst/"),
    ("tar -x", "tar -xzf app.tgz -C /opt"),
    ("tar xzf", "tar xzf app.tgz"),
    ("tar -c", "tar -czf backup.tgz /srv"),
    ("kill -HUP", "kill -HUP 1234"),
    ("pkill -USR1", "pkill -USR1 -f worker"),
    ("killall -s HUP", "killall -s HUP nginx"),
    ("truncate -s 1G", "truncate -s 1G disk.img"),
    ("crontab file", "crontab jobs.txt"),
    ("iptables -A", "iptables -A INPUT -p tcp --dport 22 -j ACCEPT"),
    ("useradd", "useradd -m bob"),
    ("vault write", "vault write secret/app key=value"),
    ("createdb", "createdb app"),
    ("pg_restore", "pg_restore -d app dump.sql"),
    ("npm publish", "npm publish --access public"),
    ("gsutil cp", "gsutil cp file gs://bucket/"),
    ("redis-cli set", "redis-cli SET key value"),
    ("mongo insert", "mongo app --eval 'db.users.insertOne({a: 1})'"),
    ("kind create cluster", "kind create cluster --config kind.yaml"),
    ("manage.py migrate", "python manage.py migrate --noinput"),
    ("./manage.py collectstatic", "./manage.py collectstatic --noinput"),
    ("python -m app db upgrade", "python -m warehouse db upgrade head"),
    ("alembic upgrade", "alembic -c alembic.ini upgrade head"),
    ("flask db upgrade", "flask db upgrade"),
    ("gofmt -w", "gofmt -s -w ."),
    ("xargs gofmt -w", "xargs -0 gofmt -s -w"),
    ("black", "black src tests"),
    ("prettier --write", "prettier --write ."),
    ("go generate", "go generate ./..."),
    ("go build -o", "go build -o bin/app ./cmd/app"),
    ("npm ci", "npm ci"),
    ("yarn install", "yarn install --frozen-lockfile"),
    ("bundle install", "bundle install"),
    ("gcloud tag", "gcloud container images add-tag gcr.io/p/a:1 gcr.io/p/a:latest"),
]


@pytest.mark.parametrize("command", [c for _, c in MUTATING], ids=[i for i, _ in MUTATING])
def test_mutating_commands(command: str) -> None:
    effects = classify_command_string(command, line=3)
    assert len(effects) == 1
    assert effects[0].destructive is False
    assert effects[0].line == 3


READ_ONLY = [
    ("flyway info", "flyway info"),
    ("heroku apps:info", "heroku apps:info -a app"),
    ("pdsh runs a read", "pdsh -w node1 hostname"),
    ("nmcli lists connections", "nmcli -t -f NAME c show"),
    ("dpkg list", "dpkg -l"),

    ("dscl list", "dscl . list /Users"),
    ("dscl -read", "dscl . -read /Users/bob"),
    ("ls", "ls -la /srv"),
    ("cat", "cat /etc/hosts"),
    ("echo", "echo rm -rf /"),
    ("which", "which rm"),
    ("grep for a verb", "grep delete app.log"),
    ("an unknown tool listing", "kfctl show app"),
    ("echo string", "echo 'rm -rf / && kubectl delete ns prod'"),
    ("echo DROP TABLE", 'echo "DROP TABLE users"'),
    ("printf", "printf '%s\\n' 'terraform destroy'"),
    ("grep", "grep -r TODO ."),
    ("kubectl get", "kubectl get pods -n prod"),
    ("kubectl describe", "kubectl describe node n1"),
    ("kubectl logs", "kubectl logs -f deploy/web"),
    ("kubectl rollout status", "kubectl rollout status deploy/web"),
    ("kubectl -n delete-me get", "kubectl -n delete get pods"),
    ("git status", "git status --porcelain"),
    ("git log", "git log --oneline -5"),
    ("git diff", "git diff HEAD~1"),
    ("git fetch", "git fetch --all --prune"),
    ("git branch list", "git branch -a"),
    ("git tag list", "git tag -l 'v*'"),
    ("git clean without -f", "git clean -d"),
    ("terraform plan", "terraform plan -out tfplan"),
    ("terraform plan -destroy", "terraform plan -destroy"),
    ("terraform init", "terraform init -upgrade"),
    ("terraform validate", "terraform validate"),
    ("terraform output", "terraform output -json"),
    ("aws describe", "aws ec2 describe-instances"),
    ("aws list", "aws s3api list-buckets"),
    ("aws get", "aws sts get-caller-identity"),
    ("aws s3 ls", "aws s3 ls s3://bucket"),
    ("gcloud list", "gcloud compute instances list --filter=name:delete"),
    ("gcloud describe", "gcloud sql instances describe db"),
    ("gcloud config set", "gcloud config set project p"),
    ("az show", "az group show --name rg"),
    ("docker ps", "docker ps -a"),
    ("docker logs", "docker logs web"),
    ("docker images", "docker images"),
    ("helm list", "helm list -A"),
    ("helm template", "helm template ./chart"),
    ("systemctl status", "systemctl status nginx"),
    ("psql select", "psql -c 'SELECT count(*) FROM users'"),
    ("pg_dump", "pg_dump -Fc app"),
    ("mysqldump", "mysqldump app"),
    ("curl GET", "curl -fsSL https://example.com/install.sh"),
    ("curl -I", "curl -I https://example.com"),
    ("curl -G -d", "curl -G -d q=1 https://example.com/search"),
    ("wget to stdout", "wget -qO- https://example.com/file"),
    ("wget --spider", "wget --spider https://example.com/file"),
    ("curl -o /dev/null", "curl -sS -o /dev/null -w '%{http_code}' https://example.com"),
    ("http GET", "http example.com/api"),
    ("test", "[ -f /etc/app.conf ]"),
    ("kill -0", "kill -0 $PID"),
    ("crontab -l", "crontab -l"),
    ("iptables -L", "iptables -L -n"),
    ("wipefs list", "wipefs /dev/sdb"),
    ("fdisk -l", "fdisk -l"),
    ("virsh vol-list", "virsh vol-list --pool default"),
    ("virsh dumpxml", "virsh dumpxml vm1"),
    ("sfdisk -d dumps the table", "sfdisk -d /dev/sda"),
    ("redis-cli get", "redis-cli GET key"),
    ("ovs-ofctl dump-flows", "ovs-ofctl -O OpenFlow13 dump-flows br0"),
    ("oc adm prune without --confirm previews", "oc adm prune builds --keep-complete 5"),
    ("command -v", "command -v kubectl"),
    ("unknown tool", "frobnicate --list everything"),
    ("script path", "./deploy.sh --force"),
    ("python script", "python3 tools/cleanup.py --delete-all"),
    ("sudo -i alone", "sudo -i"),
    ("ssh without command", "ssh -t bastion"),
    ("find without action", "find . -name '*.log'"),
    ("xargs echo", "xargs echo"),
    ("make", "make build"),
    ("gofmt -l", "gofmt -l ."),
    ("black --check", "black --check ."),
    ("go test", "go test ./..."),
    ("go build", "go build ./..."),
    ("python -m other", "python -m http.server 8000"),
    ("manage.py check", "python manage.py check --deploy"),
]


@pytest.mark.parametrize("command", [c for _, c in READ_ONLY], ids=[i for i, _ in READ_ONLY])
def test_read_only_and_unknown_commands_are_not_effects(command: str) -> None:
    assert classify_command_string(command, line=1) == []


DRY_RUN = [
    ("kubectl delete --dry-run=client", "kubectl delete ns prod --dry-run=client"),
    ("kubectl apply --dry-run", "kubectl apply -f x --dry-run=server"),
    ("git push --dry-run", "git push --force --dry-run origin main"),
    ("git push -n", "git push -n origin main"),
    ("git clean -n", "git clean -fdn"),
    ("rsync -n", "rsync -avn --delete src/ dst/"),
    ("rsync --dry-run", "rsync -av --dry-run --delete src/ dst/"),
    ("helm upgrade --dry-run", "helm upgrade --install --dry-run web ./chart"),
    ("aws s3 rm --dryrun", "aws s3 rm s3://b/k --dryrun"),
    ("aws ec2 --dry-run", "aws ec2 terminate-instances --instance-ids i-1 --dry-run"),
    ("ansible-playbook --check", "ansible-playbook site.yml --check"),
    ("ansible-playbook -C", "ansible-playbook -C site.yml"),
    ("apt-get -s", "apt-get -s purge nginx"),
    ("puppet --noop", "pulumi destroy --noop"),
]


@pytest.mark.parametrize("command", [c for _, c in DRY_RUN], ids=[i for i, _ in DRY_RUN])
def test_a_dry_run_argument_makes_it_no_effect(command: str) -> None:
    assert classify_command_string(command, line=1) == []


def test_dry_run_none_is_a_real_run() -> None:
    effects = classify_command_string("kubectl delete ns x --dry-run=none", line=1)
    assert [e.destructive for e in effects] == [True]


WRAPPED = [
    # a project's own wrapper of docker compose, named ``compose`` (medium: it may add options)
    ("compose down", ["compose", "-f", "docker-compose.yml", "down"], True, "medium"),
    ("compose exec redis-cli flushall", ["compose", "exec", "redis", "redis-cli", "flushall"], True, "medium"),
    # a parallel shell's command, run on every host it is given (medium, as ssh's)
    ("pdsh", ["pdsh", "-f", "1024", "-R", "ssh", "-w", "^/job/hosts", "pkill -f train.py"], True, "medium"),
    ("clush", ["clush", "-w", "node[1-4]", "-b", "rm", "-rf", "/scratch/x"], True, "medium"),
    ("pssh", ["pssh", "-h", "hosts.txt", "-i", "--", "rm", "-rf", "/srv/cache/data"], True, "medium"),
    ("sudo", ["sudo", "rm", "-rf", "/srv"], True, "high"),
    ("sudo -u", ["sudo", "-u", "postgres", "dropdb", "app"], True, "high"),
    ("sudo -E -H", ["sudo", "-EH", "kubectl", "delete", "ns", "x"], True, "high"),
    ("sudo --", ["sudo", "--", "rm", "x"], True, "high"),
    ("env VAR=x", ["env", "KUBECONFIG=/k", "kubectl", "delete", "pod", "p"], True, "high"),
    ("env -i", ["env", "-i", "PATH=/bin", "rm", "x"], True, "high"),
    ("assignment prefix", ["FOO=1", "rm", "x"], True, "high"),
    ("nohup", ["nohup", "rm", "-rf", "x"], True, "high"),
    ("time", ["time", "terraform", "destroy"], True, "high"),
    ("nice -n", ["nice", "-n", "10", "rm", "x"], True, "high"),
    ("nice -10", ["nice", "-10", "rm", "x"], True, "high"),
    ("ionice", ["ionice", "-c", "3", "rm", "-rf", "x"], True, "high"),
    ("timeout N", ["timeout", "30", "kubectl", "delete", "pod", "p"], True, "high"),
    ("timeout -s KILL N", ["timeout", "-s", "KILL", "5m", "rm", "x"], True, "high"),
    ("xargs", ["xargs", "-0", "-n", "1", "rm", "-f"], True, "high"),
    ("xargs -I", ["xargs", "-I", "{}", "kubectl", "delete", "pod", "{}"], True, "high"),
    ("exec", ["exec", "rm", "x"], True, "high"),
    ("command", ["command", "rm", "x"], True, "high"),
    ("sh -c", ["sh", "-c", "rm -rf /srv/x"], True, "high"),
    ("bash -ec", ["bash", "-ec", "cd /srv && git reset --hard"], True, "high"),
    ("bash -c mutating", ["bash", "-c", "mkdir -p /srv"], False, "high"),
    ("su -c", ["su", "-", "postgres", "-c", "dropdb app"], True, "high"),
    ("ssh host cmd", ["ssh", "host", "rm", "-rf", "/data"], True, "medium"),
    ("ssh opts host string", ["ssh", "-i", "key", "-o", "StrictHostKeyChecking=no", "-p", "22",
                              "user@host", "sudo systemctl restart app"], False, "medium"),
    ("ssh -tt", ["ssh", "-tt", "host", "kubectl delete ns x"], True, "medium"),
    ("docker exec", ["docker", "exec", "-it", "db", "psql", "-c", "DROP TABLE t"], True, "medium"),
    ("docker exec -e", ["docker", "exec", "-e", "A=1", "web", "rm", "-rf", "/cache"], True, "medium"),
    ("kubectl exec --", ["kubectl", "exec", "-n", "prod", "pod", "--", "rm", "-rf", "/x"], True,
     "medium"),
    ("kubectl exec shell string", ["kubectl", "exec", "pod", "--", "sh", "-c", "rm -rf /x"], True,
     "medium"),
    ("docker compose exec", ["docker", "compose", "exec", "db", "dropdb", "app"], True, "medium"),
    ("sudo sh -c", ["sudo", "sh", "-c", "echo x > /etc/y; systemctl restart y"], False, "high"),
    ("eval literal", ["eval", "rm -rf /srv/x"], True, "high"),
    ("trap", ["trap", "rm -f /srv/app.db", "EXIT"], True, "high"),
    ("flock", ["flock", "-n", "/tmp/lock", "rm", "x"], True, "high"),
    ("gcloud compute ssh --command", ["gcloud", "compute", "ssh", "vm", "--command", "rm -rf /x"],
     True, "medium"),
]


@pytest.mark.parametrize(("argv", "destructive", "confidence"), [w[1:] for w in WRAPPED],
                         ids=[w[0] for w in WRAPPED])
def test_wrappers_are_unwrapped(argv: list[str], destructive: bool, confidence: str) -> None:
    effect = classify_argv(argv, line=5)
    assert effect is not None
    assert effect.destructive is destructive
    assert effect.confidence == confidence
    assert effect.call.startswith(argv[0])


def test_the_given_confidence_is_kept_and_lowered_never_raised() -> None:
    assert classify_argv(["rm", "x"], line=1, confidence="low").confidence == "low"  # type: ignore[union-attr]
    inner = classify_argv(["ssh", "h", "rm x"], line=1, confidence="high")
    assert inner is not None and inner.confidence == "medium"
    assert classify_argv(["ssh", "h", "rm x"], line=1, confidence="low").confidence == "low"  # type: ignore[union-attr]


UNRESOLVED = [
    ("$VERB", ["kubectl", "$VERB", "pod", "p"], False, "medium"),
    ("$ACTION named destroy", ["terraform", "$DESTROY_OR_APPLY"], True, "medium"),
    ("<expr>", ["kubectl", "<expr>", "ns", "x"], False, "low"),
    ("git <expr>", ["git", "<expr>"], False, "low"),
    ("psql -c $SQL", ["psql", "-c", "$SQL"], False, "medium"),
    ("curl -X $METHOD", ["curl", "-X", "$METHOD", "https://x"], False, "medium"),
]


@pytest.mark.parametrize(("argv", "destructive", "confidence"), [u[1:] for u in UNRESOLVED],
                         ids=[u[0] for u in UNRESOLVED])
def test_an_unresolved_deciding_word_lowers_confidence(argv: list[str], destructive: bool,
                                                       confidence: str) -> None:
    effect = classify_argv(argv, line=1)
    assert effect is not None
    assert (effect.destructive, effect.confidence) == (destructive, confidence)


@pytest.mark.parametrize("argv", [["$CMD", "show", "x"], ["<expr>"], ["$RM", "-rf", "/"], [],
                                  ["sh", "-c", "$SCRIPT"], ["eval", "$CMD"]],
                         ids=["$CMD", "<expr> alone", "$RM", "empty", "sh -c $SCRIPT", "eval $CMD"])
def test_an_unresolved_command_is_not_guessed(argv: list[str]) -> None:
    assert classify_argv(argv, line=1) is None


def test_an_unresolved_command_whose_first_word_deletes_is_a_medium_guess() -> None:
    effect = classify_argv(["$CMD", "delete", "x"], line=1)
    assert effect is not None and (effect.destructive, effect.confidence) == (True, "medium")


def test_a_resolved_argument_keeps_high_confidence() -> None:
    effect = classify_argv(["rm", "-rf", "$BUILD_DIR/out"], line=1)
    assert effect is not None and effect.confidence == "high" and effect.destructive


HTTP = [
    ("curl -X DELETE", ["curl", "-X", "DELETE", "https://api/x/1"], True),
    ("curl -XDELETE", ["curl", "-sSXDELETE", "https://api/x/1"], True),
    ("curl --request=PUT", ["curl", "--request=PUT", "https://api/x"], False),
    ("curl -X POST", ["curl", "-X", "POST", "https://api/x"], False),
    ("curl -d", ["curl", "-d", "a=1", "https://api/x"], False),
    ("curl --data-binary", ["curl", "--data-binary", "@f", "https://api/x"], False),
    ("curl -F", ["curl", "-F", "file=@x", "https://api/upload"], False),
    ("curl -T", ["curl", "-T", "file", "https://api/upload"], False),
    ("curl --json", ["curl", "--json", "{}", "https://api/x"], False),
    ("curl -X PATCH", ["curl", "-fsS", "-X", "PATCH", "https://api/x"], False),
    ("wget --method=DELETE", ["wget", "--method=DELETE", "https://api/x"], True),
    ("wget --post-data", ["wget", "--post-data=a=1", "https://api/x"], False),
    ("http DELETE", ["http", "DELETE", "api/x/1"], True),
    ("http POST", ["http", "POST", "api/x", "a=1"], False),
    ("http items", ["http", "api/x", "name=web"], False),
]


DOWNLOADS = [
    ("curl -o", ["curl", "-fsSL", "-o", "bin/tool", "https://x/tool"]),
    ("curl -Lo attached", ["curl", "-fsSLo", "bin/tool", "https://x/tool"]),
    ("curl -O", ["curl", "-O", "https://x/a.tgz"]),
    ("curl --output=", ["curl", "--output=a.tgz", "https://x/a.tgz"]),
    ("wget", ["wget", "-q", "https://x/a.tgz"]),
    ("wget -O file", ["wget", "-O", "a.tgz", "https://x/a.tgz"]),
]


@pytest.mark.parametrize("argv", [d[1] for d in DOWNLOADS], ids=[d[0] for d in DOWNLOADS])
def test_a_saved_download_is_a_file_write(argv: list[str]) -> None:
    effect = classify_argv(argv, line=1)
    assert effect is not None
    assert (effect.kind, effect.destructive) == ("file-write", False)


OUTPUT_OPTIONS = [
    ("pg_dump -f", ["pg_dump", "-f", "/backups/app.sql", "app"]),
    ("pg_dump -f unresolved", ["pg_dump", "-f", "<expr>", "<expr>"]),
    ("pg_dump -fFILE", ["pg_dump", "-Fc", "-f/backups/app.dump", "app"]),
    ("pg_dump --file=", ["pg_dump", "--file=/backups/app.sql", "app"]),
    ("pg_dumpall -f", ["pg_dumpall", "-f", "/backups/all.sql"]),
    ("mysqldump --result-file", ["mysqldump", "--result-file", "/b/app.sql", "app"]),
    ("mysqldump -rFILE", ["mysqldump", "-r/b/app.sql", "app"]),
    ("mariadb-dump -r", ["mariadb-dump", "-r", "/b/app.sql", "app"]),
    ("tar -czf", ["tar", "-czf", "/b/srv.tgz", "/srv"]),
    ("tar czf", ["tar", "czf", "/b/srv.tgz", "/srv"]),
    ("tar --create --file", ["tar", "--create", "--file", "/b/srv.tgz", "/srv"]),
    ("zip -r", ["zip", "-r", "/b/srv.zip", "/srv"]),
]


@pytest.mark.parametrize("argv", [o[1] for o in OUTPUT_OPTIONS], ids=[o[0] for o in OUTPUT_OPTIONS])
def test_a_file_written_through_a_commands_output_option_is_a_file_write(argv: list[str]) -> None:
    effect = classify_argv(argv, line=1)
    assert effect is not None
    assert (effect.kind, effect.destructive, effect.confidence) == ("file-write", False, "high")


@pytest.mark.parametrize(("argv", "kind"), [
    (["pg_dump", "app"], None),
    (["pg_dump", "-Fc", "app"], None),
    (["pg_dump", "-f", "-", "app"], None),
    (["mysqldump", "app"], None),
    (["zip", "-T", "/b/srv.zip"], None),
    (["tar", "-czf", "-", "/srv"], "command"),
    (["tar", "-tzf", "/b/srv.tgz"], None),
    (["tar", "-c", "--files-from=list", "-f", "/b/x.tar"], "file-write"),
], ids=["pg_dump-to-stdout", "pg_dump-format-only", "pg_dump-f-dash", "mysqldump-to-stdout",
        "zip-test", "tar-to-stdout", "tar-list", "tar-files-from-is-not-the-archive"])
def test_a_dump_to_standard_output_writes_no_file(argv: list[str], kind: str | None) -> None:
    effect = classify_argv(argv, line=1)
    assert (effect.kind if effect else None) == kind


@pytest.mark.parametrize(("text", "calls"), [
    ("gzip -c /srv/x > /b/x.gz", [("file-write", "gzip -c /srv/x > /b/x.gz")]),
    ("pg_dump app >> /b/app.sql 2>/dev/null", [("file-write", "pg_dump app >> /b/app.sql")]),
    ("pg_dump app > /dev/null 2>&1", []),
    ("rm -rf /srv/old > /var/log/clean.log", [("command", "rm -rf /srv/old"),
                                              ("file-write", "rm -rf /srv/old > /var/log/clean.log")]),
], ids=["gzip-c-redirect", "append-with-stderr-quiet", "quiet-targets", "command-and-redirect"])
def test_a_redirection_in_a_command_string_is_a_file_write(text: str,
                                                           calls: list[tuple[str, str]]) -> None:
    effects = classify_command_string(text, line=4)
    assert [(e.kind, e.call) for e in effects] == calls
    assert all(e.line == 4 and not (e.kind == "file-write" and e.destructive) for e in effects)


@pytest.mark.parametrize(("argv", "destructive"), [h[1:] for h in HTTP], ids=[h[0] for h in HTTP])
def test_http_writes(argv: list[str], destructive: bool) -> None:
    effect = classify_argv(argv, line=1)
    assert effect is not None
    assert (effect.kind, effect.destructive) == ("http", destructive)


SQL_CLIENTS = [
    ("psql -c DROP", ["psql", "-h", "db", "-c", "DROP TABLE users"], True),
    ("psql --command=TRUNCATE", ["psql", "--command=TRUNCATE sessions"], True),
    ("psql -c DELETE", ["psql", "app", "-c", "delete from jobs where done"], True),
    ("psql -c INSERT", ["psql", "-c", "INSERT INTO t VALUES (1)"], False),
    ("psql -c ALTER", ["psql", "-c", "ALTER TABLE t ADD c int"], False),
    ("psql -f", ["psql", "-f", "migrate.sql"], False),
    # a file not at hand, named for what it does
    ("psql -f drop-all.sql", ["psql", "-d", "app", "-f", "$DIR/drop-all.sql"], True),
    ("psql -f truncate_tables.sql", ["psql", "--file=truncate_tables.sql"], True),
    ("psql -f a cleanup procedure", ["psql", "-f", "01_old_metrics_cleanup_procedure.sql"], False),
    ("mysql -e DROP", ["mysql", "-u", "root", "-e", "DROP DATABASE app"], True),
    ("mysql --execute=UPDATE", ["mysql", "--execute=UPDATE t SET a=1"], False),
    ("mysql -eCREATE", ["mysql", "-eCREATE DATABASE app"], False),
    ("sqlite3 db DELETE", ["sqlite3", "app.db", "DELETE FROM t"], True),
    ("clickhouse-client --query", ["clickhouse-client", "--query", "TRUNCATE TABLE t"], True),
]


@pytest.mark.parametrize(("argv", "destructive"), [s[1:] for s in SQL_CLIENTS],
                         ids=[s[0] for s in SQL_CLIENTS])
def test_sql_run_by_database_clients(argv: list[str], destructive: bool) -> None:
    effect = classify_argv(argv, line=1)
    assert effect is not None
    assert (effect.kind, effect.destructive) == ("sql", destructive)


@pytest.mark.parametrize(("sql", "expected"), [
    ("DROP TABLE users", True), ("truncate t", True), ("DELETE FROM t WHERE x", True),
    ("INSERT INTO t VALUES (1)", False), ("UPDATE t SET a = 1", False), ("CREATE INDEX i ON t(a)", False),
    ("GRANT SELECT ON t TO bob", False), ("SELECT * FROM t", None), ("SELECT deleted_at FROM t", None),
    ("SELECT * FROM t FOR UPDATE", None), ("\\dt", None),
    ("CREATE TABLE mfa (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, "
     "FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE)", False),
    ("CREATE TABLE m (u INT REFERENCES u(id) ON DELETE SET NULL); DELETE FROM m", True),
], ids=["drop", "truncate", "delete", "insert", "update", "create", "grant", "select",
        "deleted_at column", "for update", "meta command", "on delete cascade is declared",
        "and a delete beside it"])
def test_classify_sql(sql: str, expected: bool | None) -> None:
    assert classify_sql(sql) is expected


def test_a_command_string_yields_each_effect_with_its_line() -> None:
    text = "cd /srv\nrm -rf data && mkdir data\nkubectl get pods | grep web\n"
    effects = classify_command_string(text, line=10)
    assert [(e.line, e.destructive, e.call) for e in effects] == [
        (11, True, "rm -rf data"), (11, False, "mkdir data")]


def test_the_most_destructive_command_of_a_wrapped_string_decides() -> None:
    effect = classify_argv(["bash", "-c", "mkdir x; rm -rf y"], line=1)
    assert effect is not None and effect.destructive


CREDENTIALS = [
    ("GITHUB_TOKEN", True), ("DB_PASSWORD", True), ("MYSQL_PWD", True), ("DB_PASS", True),
    ("PASSWD", True), ("AWS_SECRET_ACCESS_KEY", True), ("AWS_ACCESS_KEY_ID", True),
    ("API_KEY", True), ("STRIPE_APIKEY", True), ("PRIVATE_KEY", True), ("GOOGLE_CREDENTIALS", True),
    ("CREDENTIAL", True), ("BASIC_AUTH", True), ("AUTH_HEADER", True), ("OAUTH_CLIENT_SECRET", True),
    ("apiKey", True), ("authToken", True), ("--auth-token", True), ("SSH_KEY", True),
    ("VAULT_TOKEN", True), ("SLACK_WEBHOOK_SECRET", True),
    ("AWS_REGION", False), ("AUTHOR", False), ("KEY_NAME", False), ("PWD", False),
    ("BYPASS", False), ("USER", False), ("HOST", False), ("PASSTHROUGH", False),
    ("SORT_KEY", False), ("DRY_RUN", False), ("AUTHORS_FILE", False),
]


@pytest.mark.parametrize(("name", "expected"), CREDENTIALS, ids=[c[0] for c in CREDENTIALS])
def test_looks_like_credential(name: str, expected: bool) -> None:
    assert looks_like_credential(name) is expected


MASKED = [
    ("--password X", ["mysql", "--password", "hunter2", "-e", "DROP TABLE t"], "hunter2"),
    ("--token=X", ["vault", "write", "--token=s.abcdef", "x"], "s.abcdef"),
    ("mysql -pX", ["mysql", "-phunter2", "-e", "DROP TABLE t"], "hunter2"),
    ("TOKEN=X prefix", ["API_TOKEN=abc123", "curl", "-X", "POST", "u"], "abc123"),
    ("url password", ["curl", "-X", "DELETE", "https://admin:hunter2@api/x"], "hunter2"),
    ("curl -u", ["curl", "-u", "admin:hunter2", "-X", "DELETE", "https://api/x"], "hunter2"),
    ("auth header", ["curl", "-H", "Authorization: Bearer abc.def", "-X", "POST", "u"], "abc.def"),
    ("aws key literal", ["aws", "s3", "rm", "s3://b/AKIAABCDEFGHIJKLMNOP"], "AKIAABCDEFGHIJKLMNOP"),
    ("github token literal", ["git", "push", "-f", "https://ghp_abcdefghijklmnopqrstuvwx@github.com/o/r"],
     "ghp_abcdefghijklmnopqrstuvwx"),
    ("redis -a", ["redis-cli", "-a", "hunter2", "FLUSHALL"], "hunter2"),
    ("query api_key", ["curl", "-X", "DELETE", "https://api/items?id=3&api_key=hunter2"],
     "hunter2"),
    ("query token", ["curl", "-X", "DELETE", "https://api/x?access_token=hunter2#top"], "hunter2"),
    ("cookie header", ["curl", "-X", "DELETE", "-H", "Cookie: session=hunter2", "https://api/x"],
     "hunter2"),
]


@pytest.mark.parametrize(("argv", "secret"), [m[1:] for m in MASKED], ids=[m[0] for m in MASKED])
def test_secrets_are_masked_in_the_call(argv: list[str], secret: str) -> None:
    effect = classify_argv(argv, line=1)
    assert effect is not None
    assert secret not in effect.call
    assert "***" in effect.call


def test_docker_login_password_masked_a_compose_project_kept() -> None:
    """``-p`` is ``docker login``'s password and ``docker compose``'s project name."""
    assert call_text(["docker", "login", "-u", "ci", "-p", "hunter2", "registry"]) == \
        "docker login -u ci -p *** registry"
    assert call_text(["docker", "compose", "-p", "it", "down"]) == "docker compose -p it down"


def test_call_text_is_trimmed() -> None:
    text = call_text(["rm", "-rf", *[f"/srv/data/{i:04d}" for i in range(40)]])
    assert len(text) <= 120 and text.endswith("...")


# -- backup tools, Django commands, caches ---------------------------------------------------------

BACKUP_DELETES = [
    ("wal-g delete --confirm", "wal-g delete before FIND_FULL base_000010 --confirm", True),
    ("wal-g delete retain --confirm", "wal-g delete retain FULL 5 --confirm", True),
    ("wal-g delete without --confirm only lists", "wal-g delete retain 5", None),
    ("wal-g backup-push", "wal-g backup-push /var/lib/postgresql/data", False),
    ("wal-e delete --confirm", "wal-e delete --confirm before base_00001", True),
    ("wal-e delete without --confirm only lists", "wal-e delete retain 3", None),
    ("wal-e through envdir", "envdir /etc/wal-e.d/env wal-e delete --confirm retain 5", True),
    ("pgbackrest expire", "pgbackrest --stanza=main expire", True),
    ("pgbackrest backup", "pgbackrest --stanza=main --type=full backup", False),
    ("barman delete", "barman delete pg oldest", True),
    ("barman backup", "barman backup pg", False),
    ("restic forget", "restic -r s3:bucket forget --keep-daily 7", True),
    ("restic forget --prune", "restic forget --keep-last 3 --prune", True),
    ("restic prune", "restic prune", True),
    ("restic backup", "restic -r /srv/repo backup /data", False),
    ("restic forget -n (dry run)", "restic forget -n --keep-last 3", None),
    ("borg delete", "borg delete /srv/repo::old", True),
    ("borg prune", "borg prune --keep-daily=7 /srv/repo", True),
    ("borg prune --dry-run", "borg prune --dry-run --keep-daily=7 /srv/repo", None),
    ("borg create", "borg create /srv/repo::today /data", False),
    ("duplicity remove-older-than --force", "duplicity remove-older-than 6M --force s3://b/p", True),
    ("duplicity remove-all-but-n-full --force", "duplicity remove-all-but-n-full 2 --force file:///b", True),
    ("duplicity remove-older-than without --force lists", "duplicity remove-older-than 6M s3://b/p", None),
    ("rclone delete", "rclone delete remote:bucket/old", True),
    ("rclone deletefile", "rclone deletefile remote:bucket/x.gz", True),
    ("easyrsa init-pki wipes an existing PKI", "easyrsa --batch init-pki", True),
    ("aws-janitor", "aws-janitor -all -path s3://bucket/janitor", True),
    ("aws logs put-retention-policy (older events deleted)",
     "aws logs put-retention-policy --log-group-name g --retention-in-days 1", True),
    ("aws workspaces rebuild-workspaces", "aws workspaces rebuild-workspaces --rebuild-workspace-requests x", True),
    ("docker compose up --remove-orphans", "docker compose -p dev up -d --remove-orphans", True),
    ("docker compose down --remove-orphans", "docker compose down --remove-orphans", True),
    ("docker compose up", "docker compose up -d", False),
    ("aws-janitor --dry-run", "aws-janitor -all -dry-run", None),
    ("easyrsa revoke", "easyrsa revoke client1", True),
    ("easyrsa build-client-full", "easyrsa build-client-full client1 nopass", False),
    ("rclone rmdirs", "rclone rmdirs remote:bucket", True),
    ("rclone sync mirrors and deletes", "rclone sync /data remote:backup", True),
    ("rclone copy", "rclone copy /data remote:backup", False),
    ("rclone sync --dry-run", "rclone sync --dry-run /data remote:backup", None),
    ("aws s3 rm", "aws s3 rm --recursive s3://bucket/old", True),
    ("gsutil rm", "gsutil -m rm -r gs://bucket/old", True),
    ("mc rb", "mc rb --force local/bucket", True),
    ("mc mirror --remove", "mc mirror --remove /data local/bucket", True),
    ("mc mirror", "mc mirror /data local/bucket", False),
    ("s3cmd rb", "s3cmd rb s3://bucket", True),
    ("s3cmd sync --delete-removed", "s3cmd sync --delete-removed /data s3://bucket", True),
    ("s3cmd put", "s3cmd put x s3://bucket/x", False),
    ("celery purge empties the queues (a dotted app)", "celery -A run_celery.notify_celery purge -f", True),
    ("celery purge without -f still purges once answered", "celery --app=proj.app purge", True),
    ("celery amqp queue.delete", "celery -A proj amqp queue.delete celery", True),
    ("celery control shutdown", "celery -A proj control shutdown", True),
    ("celery call sends a task", "celery -A proj.app call tasks.rebuild", False),
    ("celery worker runs the tasks", "celery -A proj.app worker -l info", None),
    ("celery inspect reads", "celery -A proj inspect active", None),
    ("gcloud remove-metadata drops keys and values",
     "gcloud compute project-info remove-metadata --keys=a-slurm-b", True),
    ("Hadoop yarn application -kill", "yarn application -kill application_1_2", True),
    ("yarn app -destroy", "yarn app -destroy svc", True),
    ("yarn application -list reads", "yarn application -list", None),
    ("yarn add, the JavaScript one", "yarn add lodash", False),
    ("an agent evicted (its record deleted)", "spire-server agent evict -spiffeID spiffe://x", True),
    ("govc snapshot.remove", "govc snapshot.remove old", True),
    ("govc snapshot.revert loses the state since", "govc snapshot.revert new", True),
    ("govc vm.destroy", "govc vm.destroy -vm.ipath=/dc/vm/x", True),
    ("govc snapshot.create", "govc snapshot.create new", False),
    ("govc vm.info reads", "govc vm.info vm1", None),
    ("a file in the project's Maven target folder", "rm -r ${BK_HOME}/target/dist_dev", False),
    ("target/ relative", "rm -rf target/classes", False),
    ("a folder named target elsewhere", "rm -rf /srv/target/data", True),
    ("gcloud remove-iam-policy-binding is said again to undo",
     "gcloud projects remove-iam-policy-binding p --member=user:x --role=roles/viewer", False),
]


@pytest.mark.parametrize(("command", "destructive"), [b[1:] for b in BACKUP_DELETES],
                         ids=[b[0] for b in BACKUP_DELETES])
def test_backup_tools_deleting_old_backups(command: str, destructive: bool | None) -> None:
    effects = classify_command_string(command, line=1)
    assert [e.destructive for e in effects] == ([] if destructive is None else [destructive])


DJANGO = [
    ("manage.py flush", "python manage.py flush --noinput", True, "high"),
    ("django-admin flush", "django-admin flush --noinput", True, "high"),
    # a housekeeping job named for deleting is the command's own effect (inventoried with the
    # command); the script that runs it changes things, as one that runs another script does
    ("remove_stale_contenttypes", "python3 netbox/manage.py remove_stale_contenttypes --no-input",
     False, "medium"),
    ("clearsessions", "python manage.py clearsessions", False, "medium"),
    ("delete_ prefix", "./manage.py delete_old_events --days 30", False, "medium"),
    ("purge prefix through django-admin", "django-admin purge_queue --settings=app.settings",
     False, "medium"),
    ("reset_db empties the database", "./manage.py reset_db --noinput", True, "high"),
    ("migrate stays mutating", "python manage.py migrate --noinput", False, "high"),
    ("collectstatic stays mutating", "python3 manage.py collectstatic --no-input", False, "high"),
]


@pytest.mark.parametrize(("command", "destructive", "confidence"), [d[1:] for d in DJANGO],
                         ids=[d[0] for d in DJANGO])
def test_django_management_commands_named_for_deleting(command: str, destructive: bool,
                                                       confidence: str) -> None:
    effects = classify_command_string(command, line=1)
    assert [(e.destructive, e.confidence) for e in effects] == [(destructive, confidence)]


CACHES = [
    ("apt lists", "rm -rf /var/lib/apt/lists/*", False),
    ("/var/cache", "rm -rf /var/cache/apk/*", False),
    ("~/.cache", "rm -rf ~/.cache/pip", False),
    ("$HOME/.cache", 'rm -rf "$HOME/.cache/go-build"', False),
    ("/root/.cache", "rm -rf /root/.cache", False),
    ("docs and man pages", "rm -rf /usr/share/doc /usr/share/man", False),
    ("pyc pattern", "rm -f *.pyc", False),
    ("__pycache__", "rm -rf src/__pycache__ .pytest_cache", False),
    ("egg-info and node_modules", "rm -rf app.egg-info node_modules", False),
    ("tox and nox environments", "rm -rf .tox/log .tox/py311-acceptance ./.nox", False),
    ("sphinx output in docs", "rm -rf docs/_build", False),
    ("a temporary copy by its name", 'rm -rf "${base_name}.tmp/" out.tmp', False),
    ("hdfs rm", "hdfs dfs -rm -r -skipTrash /data/dumps/old", True),
    ("find -name *.pyc -delete", "find . -name '*.pyc' -delete", False),
    ("find __pycache__ -delete", "find . -type d -name __pycache__ -delete", False),
    ("find under /var/cache", "find /var/cache/app -type f -mtime +7 -delete", False),
    ("find only symbolic links -delete", "find bin -type l -delete", False),
    ("find only broken links -exec rm", "find /usr/local/bin -xtype l -exec rm {} +", False),
    ("find links or files", "find bin -type l -o -type f -delete", True),
    ("stale pid files", "rm -f /var/run/*.pid", False),
    ("a socket and a lock", "rm -f /run/app/app.sock /srv/app/deploy.lock", False),
    ("a pid file and data", "rm -f /run/app.pid /srv/app/data.db", True),
    ("one operand is data", "rm -rf /var/cache/app /srv/data", True),
    ("find in data with a cache name and another", "find /srv -name '*.log' -delete", True),
    ("a cache-looking name in data", "rm -rf /srv/cache", True),
    ("/tmp itself", "rm -rf /tmp", True),
    ("everything in /tmp", "rm -rf /tmp/*", True),
]


@pytest.mark.parametrize(("command", "destructive"), [c[1:] for c in CACHES], ids=[c[0] for c in CACHES])
def test_deleting_caches_and_temporary_paths_loses_no_data(command: str, destructive: bool) -> None:
    assert [e.destructive for e in classify_command_string(command, line=1)] == [destructive]


@pytest.mark.parametrize("command", ["apt-get clean", "pip cache purge", "npm cache clean --force",
                                     "yarn cache clean"],
                         ids=["apt-get clean", "pip cache purge", "npm cache clean", "yarn cache clean"])
def test_package_cache_purges_are_not_destructive(command: str) -> None:
    assert not any(e.destructive for e in classify_command_string(command, line=1))


SITE_WRAPPERS = [
    ("a wrapper named after rsync", "ghe-rsync -avH --delete snap/ host:/data/", True, "medium"),
    ("a wrapper named after rsync, no delete", "ci-rsync -av build/ host:/srv/", False, "medium"),
    ("a wrapper named after ssh, with --", "ghe-ssh -p 122 host -- sudo rm -rf /data/x", True, "medium"),
    ("a wrapper named after git", "run_git push --force origin main", True, "medium"),
    ("a wrapper named after kubectl reading", "my-kubectl get pods", None, None),
    ("a dump loaded into redis", "ghe-ssh host -- ghe-import-redis", True, "medium"),
    ("a mysqldump imported", "ghe-import-mysql-mysqldump", True, "medium"),
    ("a database restored", "restore_db /backups/latest", True, "medium"),
    ("a restore helper that prints a path", "ghe-restore-snapshot-path 20240101", None, None),
    ("a compatibility check named restore", "ghe-restore-external-database-compatibility-check", None, None),
    ("a user import is not a data store", "import-users users.csv", None, None),
    ("an unknown tool deleting", "kfctl delete -V -f app.yaml", True, "medium"),
    ("an unknown tool deleting after a group word", "./socorro-cmd db drop", True, "medium"),
    ("an unknown tool's compound deleting verb", "sshcommand acl-remove dokku deploy-key", True, "medium"),
    ("an unknown tool's namespaced deleting verb", "dokku apps:destroy old-app", True, "medium"),
    ("an unknown tool's compound verb that reads", "sshcommand acl-list dokku", None, None),
    ("an unknown tool's group and verb with options", "mytool -v cluster destroy --yes", True, "medium"),
    ("an unknown tool removing from its cache", "mytool cache rm old", None, None),
    ("an unknown tool handing on a command", "mytool exec sudo drop x", None, None),
    ("an unknown tool after --", "mytool -- sudo delete x", None, None),
    ("puppet node clean", "sudo puppet node clean web-1.example.org", True, "high"),
    ("puppet node deactivate", "puppet node deactivate web-1", True, "high"),
    ("puppetserver ca clean", "puppetserver ca clean --certname web-1", True, "high"),
    ("puppet agent", "puppet agent -t", False, "high"),
    ("puppet lookup reads", "puppet lookup ntp::servers", None, None),
    ("a listener asking its supervisor to stop", "kill -SIGQUIT $PPID", False, "high"),
    ("gh pr merge deleting the branch", "gh pr merge 12 -s -d --admin", True, "high"),
    ("gh pr merge keeping the branch", "gh pr merge 12 --squash", False, "high"),
    ("gh repo delete", "gh repo delete org/old --yes", True, "high"),
    ("a ceph monitor removed", "ceph mon remove mon-a", True, "high"),
    ("a device zapped", "ceph-volume lvm zap /dev/sdb --destroy", True, "high"),
    ("killing another process", "kill -9 $pid", True, "high"),
    ("a tool after a path variable", "${PREFIX}mkdocs gh-deploy --force", True, "high"),
    ("a tool in a virtualenv", "$VENV/bin/mkdocs gh-deploy", False, "high"),
    ("a prefix held in a variable", "$SUDO rm -rf /var/lib/data", True, "medium"),
    ("a prefix variable before a wrapper", "${SUDO} env X=1 docker rmi -f app", True, "medium"),
    ("a tool held in a variable, deleting", "${CCP_CLI?} delete --namespace=$NS deployment x",
     True, "medium"),
    ("a tool held in a variable, reading", "$CLI get pods -n prod", None, None),
    ("a tool held in a variable with a default", "${KUBECTL:-kubectl} delete ns prod", True,
     "medium"),
    ("a tool held in a variable, no words", "$EDITOR notes.txt", None, None),
]


@pytest.mark.parametrize(("command", "destructive", "confidence"), [c[1:] for c in SITE_WRAPPERS],
                         ids=[c[0] for c in SITE_WRAPPERS])
def test_a_projects_wrappers_and_data_store_loads(command: str, destructive: bool | None,
                                                  confidence: str | None) -> None:
    effects = classify_command_string(command, line=1)
    if destructive is None:
        assert effects == []
    else:
        assert [(e.destructive, e.confidence) for e in effects] == [(destructive, confidence)]


@pytest.mark.parametrize(("command", "destructive"), [
    ("dd if=image.iso of=/dev/sdb bs=4M", True),
    ("dd if=/dev/zero of=$DEVICE", True),
    ("dd of=$DATA_DIR/common/version", False),
    ("dd if=x of=out.img", False),
    ("dd if=/dev/sda of=/dev/null", None),
], ids=["a device", "an unresolved device", "a file under a folder", "a file", "/dev/null"])
def test_dd_overwrites_devices_and_writes_files(command: str, destructive: bool | None) -> None:
    assert [e.destructive for e in classify_command_string(command, line=1)] == (
        [] if destructive is None else [destructive])


@pytest.mark.parametrize(("command", "destructive"), [
    ('curl -s -d \'{"delete_local_events":true}\' -X POST "$API/_synapse/admin/purge_history/$ROOM"', True),
    ("curl -X POST https://ci.example.com/api/v1/delete-old-builds", True),
    ("curl -X POST https://api.example.com/admin/purge_media_cache?before_ts=1", False),  # a cache
    ("curl -d a=1 https://deletes.example.com/api/items", False),  # the host is not the path
    ("curl -X DELETE https://api.example.com/items/1", True),
    ("curl https://example.com/delete/readme.txt -o readme.txt", False),  # a download
])
def test_an_http_write_to_an_endpoint_named_for_a_deletion(command: str, destructive: bool) -> None:
    (effect,) = classify_command_string(command, line=1)
    assert effect.destructive is destructive


@pytest.mark.parametrize(("command", "destructive"), [
    ("rm -rf bin dist build", False),   # the build's output folders, named together
    ("rm -rf ./out dist/", False),
    ("rm -rf bin", True),               # alone, bin may be the project's own scripts
    ("rm -rf bin dist /srv/data", True),
])
def test_build_output_folders_named_beside_dist_or_build(command: str, destructive: bool) -> None:
    assert [e.destructive for e in classify_command_string(command, line=1)] == [destructive]


@pytest.mark.parametrize(("command", "destructive"), [
    ("bosh -n -d nats delete-deployment", True),
    ("bosh -e lite -n clean-up --all", True),     # unused releases, stemcells, orphaned disks
    ("bosh -d app recreate", True),               # the VMs, deleted and made again
    ("bosh delete-env bosh.yml --state state.json", True),
    ("bosh -n -d nats deploy manifest.yml -o ops.yml", False),
    ("bosh remove-blob postgres/postgresql-15.tar.gz", False),  # a blob entry of the release
    ("bbl down --no-confirm", True),
    ("bbl up --iaas gcp", False),
    ("leftovers --iaas gcp --filter bosh --no-confirm", True),
    # a tool run by its module path is read as that tool
    ("go run github.com/genevieve/leftovers/cmd/leftovers@v0.70.0 --no-confirm --filter x", True),
    ("go run sigs.k8s.io/kind@v0.20.0 delete cluster --name ci", True),
])
def test_cloud_foundry_deployment_tools(command: str, destructive: bool) -> None:
    assert [e.destructive for e in classify_command_string(command, line=1)] == [destructive]


def test_leftovers_dry_run_and_go_run_of_a_local_file_change_nothing() -> None:
    assert classify_command_string("leftovers --filter x --dry-run", line=1) == []
    assert classify_command_string("go run ./hack/gen.go", line=1) == []


@pytest.mark.parametrize(("command", "destructive"), [
    ("kafka-topics.sh --bootstrap-server b:9092 --delete --topic events", [True]),
    ("kafka-topics --bootstrap-server b:9092 --create --topic events", [False]),
    ("kafka-topics --bootstrap-server b:9092 --list", []),
    ("kafka-consumer-groups --bootstrap-server b --group g --reset-offsets --to-earliest --all-topics --execute",
     [True]),
    ("kafka-consumer-groups --bootstrap-server b --group g --reset-offsets --to-earliest --all-topics", []),
    ("kafka-consumer-groups.sh --bootstrap-server b --delete --group g", [True]),
    ("kafka-delete-records.sh --bootstrap-server b --offset-json-file f.json", [True]),
])
def test_kafka_tools_that_drop_topics_records_or_offsets(command: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in classify_command_string(command, line=1)] == destructive


def test_find_exec_rm_of_bytecode_is_a_cache_purge() -> None:
    from opsctl.adopt.commands import classify_argv
    purge = classify_argv(["find", "src", "tests*", "-name", "*.pyc", "-exec", "rm", "{}", ";"], line=1)
    logs = classify_argv(["find", ".", "-name", "*.log", "-exec", "rm", "{}", ";"], line=1)
    assert purge is not None and not purge.destructive
    assert logs is not None and logs.destructive


def test_a_mysql_password_is_masked_inside_a_wrapper() -> None:
    """``-pSECRET`` of a MySQL client that a wrapper runs (``docker exec``, ``compose exec``)
    is masked as it is when the client comes first."""
    assert call_text(["compose", "exec", "-T", "mysql", "mysql", "-uroot", "-proot"]) == \
        "compose exec -T mysql mysql -uroot -p***"
    assert call_text(["docker", "exec", "db", "mysql", "-psecret", "-e", "DROP DATABASE x"]) == \
        "docker exec db mysql -p*** -e DROP DATABASE x"
    assert "compose up" in call_text(["compose", "up", "-p", "name"])



@pytest.mark.parametrize(("command", "destructive"), [
    # the eighty-fourth set: zfs-autobackup thins the snapshots it made, and may roll back
    ("zfs-autobackup --no-send --keep-source 10,1d1w,1w1m bak", [True]),
    ("zfs-autobackup --ssh-source nas --rollback --keep-target 10 offsite tank", [True]),
    ("zfs-autobackup --no-thinning bak", [False]),
    ("zfs-autobackup --no-thinning --destroy-missing 30d bak", [True]),
    # a package's maintainer script: a unit's enablement state forgotten, no data
    ("deb-systemd-helper purge tailscaled.service", [False]),
    ("deb-systemd-helper unmask tailscaled.service", [False]),
    ("deb-systemd-helper debian-installed tailscaled.service", []),
])
def test_snapshot_thinning_and_unit_state(command: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in classify_command_string(command, line=1)] == destructive


@pytest.mark.parametrize(("command", "destructive"), [
    ("f_trace zfs-autobackup --keep-source 10 bak", [True]),
    ("retry kubectl delete pod x", [True]),
    ("run_cmd rm -rf /srv/data", [True]),
    ("f_trace rsync -a src/ dest/", [False]),
    ("f_trace echo rm -rf /", []),
    ("summarize zfs-autobackup bak", []),  # a name that does not say it runs what follows
])
def test_a_wrapper_function_from_an_unread_library_runs_what_follows(command: str,
                                                                      destructive: list[bool]) -> None:
    """``source /usr/local/lib/functions.sh``, then ``f_trace zfs-autobackup ...``: a function the
    scan cannot read, named for running the command it is given, runs that command (medium)."""
    effects = classify_command_string(command, line=1)
    assert [e.destructive for e in effects] == destructive
    assert all(e.confidence != "high" for e in effects)


@pytest.mark.parametrize(("command", "destructive"), [
    ("find /etc/grafana/provisioning -type f -empty -delete", [False]),
    ("find /srv/out -empty -type d -delete", [False]),
    ("find /srv/out -not -empty -delete", [True]),
    ("find /srv/out -empty -o -name '*.log' -delete", [True]),
])
def test_find_deleting_only_empty_files_loses_nothing(command: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in classify_command_string(command, line=1)] == destructive


@pytest.mark.parametrize(("command", "destructive"), [
    # the eighty-sixth set: a tool named for deleting, a restore over the tables there
    ("/delete_docker_registry_image --untagged -i app", [True]),
    ("purge-old-indices --days 30", [True]),
    ("purge-stale-locks /srv/app", []),  # (a lock holds no data)
    ("remove_from_links_file app db", []),  # (a library's entry taken out of a file)
    ("$DIR/delete-environment-variable -k KEY", []),  # (a project script: labelled on its own)
    ("myloader --directory=/backup --overwrite-tables", [True]),
    ("myloader -d /backup -o", [True]),
    ("myloader --directory=/backup", [False]),
    ("git branch -d `git branch --merged | grep -v master`", [True]),
    ("git branch -d feature-x", [False]),
])
def test_tools_named_for_deleting_restores_and_merged_branches(command: str, destructive: list[bool]) -> None:
    effects = classify_command_string(command, line=1)
    assert [e.destructive for e in effects] == destructive
    # only its name says a tool deletes: medium
    assert all(e.confidence == "medium" for e in effects if "delete_" in command or "purge-" in command)


def test_find_prune_handed_to_a_function_is_not_a_deleting_option() -> None:
    """``make_dir_writable "$DIR" -not '(' -path "$DIR/images" -prune ')'`` (a function of a
    library the scan cannot read, running ``find "$@" ... -exec chmod``): ``-prune`` is find's
    "do not descend", not a tool told to prune; ``tool -prune`` alone still is."""
    assert classify_command_string("make_dir_writable $DIR -not '(' -path $DIR/images -prune ')'", line=1) == []
    assert [e.destructive for e in classify_command_string("sometool -prune", line=1)] == [True]


@pytest.mark.parametrize(("command", "destructive"), [
    # the eighty-seventh set: servers and daemons stopped, mail expunged, a restore over a data
    # directory, statements sent to a database's HTTP API
    ("pg_ctl stop -D /data", [True]), ("pg_ctl -D /data -m fast stop", [True]),
    ("pg_ctl stop -m smart", [False]), ("pg_ctl start -D /data -l log", [False]),
    ("start-stop-daemon --stop --retry=TERM/30/KILL/5 --pidfile /run/x.pid", [True]),
    ("start-stop-daemon -K --signal KILL --pidfile /run/x.pid", [True]),
    ("start-stop-daemon --stop --quiet --pidfile /run/x.pid", [False]),  # a clean shutdown asked for
    ("start-stop-daemon --stop --signal HUP --pidfile /run/x.pid", [False]),
    ("start-stop-daemon --start --exec /usr/bin/x", []),
    ("killproc -p /run/x.pid oxidized", [True]), ("killproc oxidized -HUP", [False]),
    ("doveadm expunge -A mailbox Trash savedbefore 2w", [True]), ("doveadm backup -u bob tcp:backup", [True]),
    ("doveadm mailbox delete -u bob Old", [True]), ("doveadm sync -u bob remote:h", [False]),
    ("doveadm mailbox list -u bob", []), ("doveadm who", []),
    ("doveadm force-resync -u bob INBOX", [False]), ("doveadm kick bob", [False]),
    ("pgbackrest --stanza=db --delta restore", [True]), ("pgbackrest --stanza=db restore", [False]),
    ("curl -X POST 'http://db:8086/query?q=drop%20database%20bench'", [True]),
    ("curl -G http://db:9000/exec --data-urlencode 'query=drop table cpu'", [True]),
    ("curl -G http://db:9000/exec --data-urlencode 'query=select * from cpu'", []),
    ("dpkg-divert --package x --rename --remove /etc/a.conf", [False]),
    ("virsh net-destroy external", [False]), ("virsh destroy vm1", [True]),
    ("${PKG_MANAGER} remove -y epel-release", [False]),
    ("rm -rf sources/ironic/.tox", [False]),
])
def test_daemons_stopped_mail_expunged_restores_and_http_statements(command: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in classify_command_string(command, line=1)] == destructive


def test_a_command_line_classified_again_keeps_its_own_line_confidence_and_masking() -> None:
    # verdicts are kept per command line in the process: a second call must still get its own
    # line and confidence, and a later change to the first result must not reach the second
    first = classify_argv(["kubectl", "delete", "ns", "x", "--token=abc123"], line=3)
    assert first is not None and first.destructive and first.line == 3 and "abc123" not in first.call
    first.destructive = False
    again = classify_argv(("kubectl", "delete", "ns", "x", "--token=abc123"), line=9, confidence="medium")
    assert again is not None and again.destructive and again.line == 9 and again.confidence == "medium"
    assert again is not first


@pytest.mark.parametrize(("command", "destructive"), [
    # the eighty-eighth set: a Solr collection, replica or core's index deleted through its
    # HTTP API, documents deleted by query; drush's and WP-CLI's database resets; a sandbox
    # rolled back; git clean of ignored files only; Go's coverage profile
    ("curl 'http://h:8983/solr/admin/collections?action=DELETE&name=x&deleteIndex=true'", [True]),
    ("curl 'http://h:8983/solr/admin/collections?action=DELETEREPLICA&collection=c&shard=s&replica=r'", [True]),
    ("curl 'http://h:8983/solr/admin/cores?action=UNLOAD&core=c&deleteIndex=true'", [True]),
    ("curl 'http://h:8983/solr/admin/cores?action=UNLOAD&core=c'", []),
    ("curl 'http://h:8983/solr/admin/collections?action=DELETEALIAS&name=a'", []),
    ("curl 'http://h:8983/solr/admin/collections?action=CREATE&name=a'", []),
    ("curl http://h/solr/c/update -d '{\"delete\": {\"query\": \"*:*\"}}'", [True]),
    ("curl -X POST http://h/solr/c/update -d '{\"add\": {\"doc\": {}}}'", [False]),
    ("drush si demo_umami -y", [True]), ("drush @prod sql-drop -y", [True]), ("drush sql:sync @prod @self", [True]),
    ("drush updb -y", [False]), ("drush cr", [False]), ("drush status", []),
    ("drush sqlq 'DELETE FROM users_field_data WHERE uid > 1'", [True]), ("drush sql:query 'SELECT 1'", []),
    ("wp db reset --yes", [True]), ("wp site empty --yes", [True]), ("wp db import dump.sql", [True]),
    ("wp search-replace old new", [False]), ("wp plugin list", []), ("wp option get home", []),
    ("wp db query 'DELETE FROM wp_options WHERE option_name LIKE \"_transient_%\"'", [True]),
    ("wp db query 'SELECT COUNT(*) FROM wp_posts'", []),
    ("vagrant sandbox rollback", [True]), ("vagrant sandbox on", [False]),
    ("git clean -fdX", [False]), ("git clean -fdx", [True]), ("git clean -fd", [True]),
    ("rm -f cover.out", [False]), ("rm -f coverage.txt", [False]), ("rm -f cover.go", [True]),
])
def test_search_indexes_site_databases_sandboxes_and_ignored_files(command: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in classify_command_string(command, line=1)] == destructive
