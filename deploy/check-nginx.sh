#!/usr/bin/env bash
# Check deploy/nginx/hoptac.conf with `nginx -t`, as an unprivileged test: the file is included
# in a minimal main configuration under a temporary prefix, with a throwaway self-signed
# certificate and logs in that prefix instead of /etc/ssl/hoptac and /var/log/nginx.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
[[ -x $NGINX ]] || { echo "check-nginx: nginx not found (apt-get install nginx-light)" >&2; exit 1; }
dir=$(mktemp -d -t hoptac-nginx.XXXXXX)
trap 'rm -rf "$dir"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=hoptac.test \
    -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" >/dev/null 2>&1
sed -e "s#/etc/ssl/hoptac/#$dir/#g" -e "s#/var/log/nginx/#$dir/#g" \
    deploy/nginx/hoptac.conf >"$dir/hoptac.conf"
cat >"$dir/nginx.conf" <<CONF
pid $dir/nginx.pid;
error_log $dir/error.log;
events {}
http {
    access_log off;
    include $dir/hoptac.conf;
}
CONF
"$NGINX" -t -q -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf"
echo "deploy/nginx/hoptac.conf: nginx -t passed ($("$NGINX" -v 2>&1))"
