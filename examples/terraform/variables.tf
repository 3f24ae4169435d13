variable "kubeconfig_path" {
  description = "Kubeconfig of your Hikube tenant. Null: KUBECONFIG, else ~/.kube/config."
  type        = string
  default     = null
}

variable "namespace" {
  description = "Tenant namespace. Null: the namespace of the kubeconfig's current context."
  type        = string
  default     = null
}

variable "postgres_version" {
  description = "PostgreSQL major of both clusters. v18 is Hikube's current default; pin it so a change of default never surprises you. Hikube Local runs the majors installed on the machine (e.g. v15 from Debian 12)."
  type        = string
  default     = "v18"
}

variable "deletion_protection" {
  description = "Refuse to destroy (or replace) the production cluster. Set false to tear it down."
  type        = bool
  default     = true
}
