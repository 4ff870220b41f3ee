/**
 * Ansible inventories per environment ({@code ansible/inventories/<env>/}): the endpoints and variables the
 * hand-written playbook {@code ansible/playbooks/prepare.yml} needs to prepare the NFS share and the database before
 * the layers start. Reads the model only; may depend on {@code model} and {@code render}. Never writes a secret: only
 * the secret store keys the secrets are read from at run time.
 */
package io.envforge.render.ansible;
