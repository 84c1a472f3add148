// Validates Teams app manifests against Microsoft's JSON schema, offline: @microsoft/app-manifest bundles the
// schemas for the https://developer.microsoft.com/json-schemas/teams/... URLs and loads them from disk.
// Usage: node validate-manifest.js manifest.json [...]; exit 0 when all are valid, 1 with the errors otherwise.
const fs = require("fs");
const { AppManifestUtils } = require("@microsoft/app-manifest");

async function main(files) {
  let failed = false;
  for (const file of files) {
    const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
    if (!String(manifest.$schema || "").startsWith("https://developer.microsoft.com/json-schemas/teams/")) {
      console.error(`${file}: $schema must be a Teams schema URL so the bundled copy is used`);
      failed = true;
      continue;
    }
    const errors = await AppManifestUtils.validateAgainstSchema(manifest);
    if (errors.length > 0) {
      failed = true;
      errors.forEach((error) => console.error(`${file}: ${error}`));
    } else {
      console.log(`${file}: valid against ${manifest.$schema}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(2);
});
