terraform {
  required_providers {
    hikube = {
      source  = "hikube/hikube"
      version = "0.1.0"
    }
  }
}

# Uses KUBECONFIG (or ~/.kube/config) and its current context, like kubectl.
provider "hikube" {
  namespace = "tenant-demo"
}
