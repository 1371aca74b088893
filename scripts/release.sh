#!/usr/bin/env bash
# Releases vX.Y.Z from the commit checked out, in the style of
# actions/typescript-action's script/release:
#   1. checks the tag is a version, package.json says that version, and
#      CHANGELOG.md has its section (its text becomes the release notes);
#   2. checks the working tree is clean and dist/ is the build of the sources
#      (rebuilds, then `git diff --exit-code dist/`);
#   3. runs the tests;
#   4. tags vX.Y.Z (or checks the pushed tag is this commit), moves the major
#      tag (v1) to it, pushes both, and publishes the GitHub release (gh).
# Usage: scripts/release.sh [--dry-run] vX.Y.Z
#   --dry-run: every check runs; the tags, pushes and release are printed, not made.
# RELEASE_BUILD_CMD and RELEASE_TEST_CMD replace `npm run build` and `npm test`;
# RELEASE_REMOTE replaces `origin`.
set -euo pipefail

dry_run=false
if [ "${1:-}" = "--dry-run" ]; then
  dry_run=true
  shift
fi
tag="${1:-}"
build_cmd="${RELEASE_BUILD_CMD:-npm run build}"
test_cmd="${RELEASE_TEST_CMD:-npm test}"
remote="${RELEASE_REMOTE:-origin}"

fail() {
  echo "release: $1" >&2
  exit 1
}
# Runs a command that changes something, or prints it in a dry run.
act() {
  if $dry_run; then
    echo "[dry run] $*"
  else
    "$@"
  fi
}

[[ "$tag" =~ ^v([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] || fail "give the version tag to release, like v1.2.3 (got '${tag}')."
version="${tag#v}"
major="v${BASH_REMATCH[1]}"

package_version="$(node -p 'require("./package.json").version')"
[ "$package_version" = "$version" ] || fail "package.json says version ${package_version}, not ${version}: bump it first."

notes="$(mktemp)"
trap 'rm -f "$notes"' EXIT
# The section's text: from its heading to the next `## ` heading, without them.
awk -v version="$version" '
  index($0, "## [" version "]") == 1 { inside = 1; next }
  inside && /^## / { exit }
  inside { print }
' CHANGELOG.md | sed -e '/./,$!d' >"$notes"
[ -s "$notes" ] || fail "CHANGELOG.md has no '## [${version}]' section with notes: move the Unreleased entries under it."

[ -z "$(git status --porcelain)" ] || fail "the working tree has uncommitted changes: commit or stash them."

echo "Rebuilding dist/ ($build_cmd)"
bash -c "$build_cmd"
if ! git diff --quiet --ignore-space-at-eol -- dist/ || [ -n "$(git status --porcelain --untracked-files=all -- dist/)" ]; then
  git status --short -- dist/ >&2
  fail "dist/ is not the build of the sources: run the build and commit dist/."
fi

echo "Running the tests ($test_cmd)"
bash -c "$test_cmd"

head="$(git rev-parse HEAD)"
if git rev-parse -q --verify "refs/tags/${tag}" >/dev/null; then
  [ "$(git rev-parse "${tag}^{commit}")" = "$head" ] || fail "tag ${tag} exists and is not the commit checked out."
  echo "Tag ${tag} is the commit checked out."
else
  act git tag -a "$tag" -m "$tag"
  act git push "$remote" "refs/tags/${tag}"
fi
act git tag -fa "$major" -m "Move ${major} to ${tag}" "${tag}^{commit}"
act git push --force "$remote" "refs/tags/${major}"
act gh release create "$tag" --verify-tag --title "$tag" --notes-file "$notes"
if $dry_run; then
  echo "[dry run] release notes:"
  cat "$notes"
fi
echo "Released ${tag}; ${major} points at it."
