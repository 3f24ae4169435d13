terraform {
  required_version = ">= 1.6"

  required_providers {
    hikube = {
      source  = "hikube/hikube"
      version = "0.1.0"
    }
  }
}

# Hikube's public API with a project API key, from the environment: HIKUBE_API_KEY and
# HIKUBE_PROJECT_ID (and HIKUBE_API, HIKUBE_CA_CERT for another endpoint, such as Hikube Local's).
provider "hikube" {}
