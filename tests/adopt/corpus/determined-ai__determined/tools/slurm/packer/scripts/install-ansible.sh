sudo apt update -y
sudo apt-get update -y --allow-releaseinfo-change
sudo apt install -y software-properties-common
sudo add-apt-repository --yes --update ppa:ansible/ansible
sudo apt install -y ansible
