data "hikube_scheduling_classes" "all" {}

# Zones each class allows (null when it also selects nodes by another label).
output "classes" {
  value = { for c in data.hikube_scheduling_classes.all.classes : c.name => c.zones }
}
