#!/usr/bin/env bash
# 公文 PDFs: GB/T 9704 documents rendered, sealed and signed per second by the documents module (in-process).
#   bench/documents.sh [documents]      (default 200)
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
java -cp "$CP" org.tongban.bench.DocumentPdfBench "${1:-200}"
