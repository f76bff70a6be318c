(function(ev){var track=function(v){tp.track(ev,{values:v||{}})};try{
var n = document.querySelectorAll(".plan").length;
track({ count: n });

}catch(e){tp.fail(ev,e)}})({name:"pe123_custom_event",props:[{name:"count",type:"number"},]});
