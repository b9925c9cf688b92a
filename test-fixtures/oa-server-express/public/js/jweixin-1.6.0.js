// Vendored copy of the JS-SDK (default-ignored: jweixin-*.js). Stand-in content with a would-be finding.
!function(e){var appSecret="9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d";e.wx=e.jWeixin={config:function(){},ready:function(){}}}(window);
