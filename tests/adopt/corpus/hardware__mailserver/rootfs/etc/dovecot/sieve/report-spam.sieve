require ["vnd.dovecot.pipe", "copy"];

pipe :copy "rspamd-pipe-spam.sh";
