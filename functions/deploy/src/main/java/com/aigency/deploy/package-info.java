/** The deployment steps of the campaign-launch workflow: build an approved campaign at Meta. */
package com.aigency.deploy;
