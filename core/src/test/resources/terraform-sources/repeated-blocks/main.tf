# Nested blocks written more than once: the plan lists a set's elements in its own order, not the source's.
resource "aws_security_group" "web" {
  name = "web"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # https
  }

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"] # ssh
  }
}

# Two blocks whose literals are the same: which is which cannot be told from the source.
resource "aws_security_group" "twins" {
  name = "twins"

  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = var.first
  }

  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = var.second
  }
}

variable "first" {
  type = list(string)
}

variable "second" {
  type = list(string)
}
