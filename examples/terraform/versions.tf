terraform {
  required_version = ">= 1.6"

  required_providers {
    hikube = {
      source  = "hikube/hikube"
      version = "0.1.0"
    }
  }
}

# Like kubectl: KUBECONFIG (or ~/.kube/config) and its current context, unless told otherwise.
provider "hikube" {
  kubeconfig_path = var.kubeconfig_path
  namespace       = var.namespace
}
