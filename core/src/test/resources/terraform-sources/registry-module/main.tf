# A root module that calls a registry module (not on disk) beside a resource of its own.
module "s3" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"
  bucket  = "registry-bucket"
}

resource "aws_s3_bucket" "local" {
  bucket = "local-bucket"
}
