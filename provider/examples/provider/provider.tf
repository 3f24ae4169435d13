terraform {
  required_providers {
    hikube = {
      source  = "hikube/hikube"
      version = "0.1.0"
    }
  }
}

# Hikube's public API: the project key stays in the environment (HIKUBE_API_KEY).
provider "hikube" {
  project_id = "01928f6e-7b2c-7d4e-9a10-3f5b6c7d8e9f"
}

# Or a Cozystack Kubernetes API: KUBECONFIG (or ~/.kube/config) and its current context, like kubectl.
provider "hikube" {
  alias     = "kubernetes"
  namespace = "tenant-demo"
}
